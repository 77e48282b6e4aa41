package id.kinerja.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * Base for tests of the whole application: real PostgreSQL, the context's own in-memory Zeebe
 * engine ({@link ContextEngine}), a real HTTP port. Subclasses with the same settings share one
 * cached Spring context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestConfig.class)
@ContextConfiguration(initializers = ContextEngineInitializer.class)
public abstract class IntegrationTest {}
