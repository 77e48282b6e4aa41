package id.kinerja.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base for tests of the whole application: real PostgreSQL, the in-memory Zeebe engine, a real HTTP
 * port. Subclasses share one cached Spring context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestConfig.class)
public abstract class IntegrationTest {

  @DynamicPropertySource
  static void engine(DynamicPropertyRegistry registry) {
    registry.add("camunda.client.grpc-address", InMemoryEngine::gatewayAddress);
  }
}
