package id.kinerja.platform;

import static org.assertj.core.api.Assertions.assertThat;

import id.kinerja.engine.EngineProperties;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.FileSystemResource;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot run on a machine without a container engine, so this test checks what
 * would break first: that the application, configured only by the environment the compose file
 * gives it, points at the compose services on the ports they listen on.
 */
class DockerComposeTest {

  @SuppressWarnings("unchecked")
  private final Map<String, Map<String, Object>> services =
      (Map<String, Map<String, Object>>) compose().get("services");

  @Test
  void definesTheProductionLikeStackOnCamunda88() {
    assertThat(services)
        .containsOnlyKeys("postgres", "elasticsearch", "camunda", "mailpit", "kinerja");
    assertThat(image("camunda")).startsWith("camunda/camunda:8.8");
    assertThat(env("camunda"))
        .containsEntry("CAMUNDA_DATA_SECONDARYSTORAGE_TYPE", "elasticsearch")
        .containsEntry(
            "CAMUNDA_DATA_SECONDARYSTORAGE_ELASTICSEARCH_URL", "http://elasticsearch:9200");
    assertThat(image("mailpit")).startsWith("axllent/mailpit");
    assertThat(Path.of("Dockerfile")).exists();
  }

  @Test
  void publishesOnlyKinerjaAndTheMailUiAndNoDefaultPassword() {
    assertThat(ports("kinerja")).containsExactly("8080:8080");
    assertThat(ports("mailpit")).containsExactly("127.0.0.1:8025:8025");
    for (String internal : List.of("postgres", "elasticsearch", "camunda")) {
      assertThat(ports(internal)).as(internal + " publishes a port").isEmpty();
    }
    // the password comes from the operator's environment; without it compose refuses to start
    String password = (String) env("postgres").get("POSTGRES_PASSWORD");
    assertThat(password).matches("\\$\\{KINERJA_DB_PASSWORD:\\?[^}]+}");
    assertThat(env("kinerja")).containsEntry("SPRING_DATASOURCE_PASSWORD", password);
  }

  @Test
  void theApplicationReachesEachServiceOnItsPort() throws IOException {
    StandardEnvironment environment = applicationEnvironment();

    URI database =
        URI.create(environment.getProperty("spring.datasource.url").substring("jdbc:".length()));
    assertThat(database.getHost()).isEqualTo("postgres");
    assertThat(database.getPort()).isEqualTo(5432);
    Map<String, Object> postgresEnv = env("postgres");
    assertThat(environment.getProperty("spring.datasource.username"))
        .isEqualTo(postgresEnv.get("POSTGRES_USER"));
    assertThat(database.getPath()).isEqualTo("/" + postgresEnv.get("POSTGRES_DB"));

    // Zeebe's gRPC gateway, preferred over REST (Kinerja collects job-worker user tasks)
    URI gateway = URI.create(environment.getProperty("camunda.client.grpc-address"));
    assertThat(gateway.getHost()).isEqualTo("camunda");
    assertThat(gateway.getPort()).isEqualTo(26500);
    assertThat(environment.getProperty("camunda.client.prefer-rest-over-grpc", Boolean.class))
        .isFalse();
    assertThat(environment.getProperty("camunda.client.mode")).isEqualTo("self-managed");

    assertThat(environment.getProperty("spring.mail.host")).isEqualTo("mailpit");
    assertThat(environment.getProperty("spring.mail.port")).isEqualTo("1025");

    EngineProperties engine =
        Binder.get(environment).bind("kinerja.engine", EngineProperties.class).get();
    assertThat(engine.mode()).isEqualTo(EngineProperties.Mode.REMOTE);
    assertThat(environment.getProperty("kinerja.demo.enabled", Boolean.class)).isFalse();
    assertThat(environment.getProperty("kinerja.resources.processes-dir"))
        .isEqualTo(volumeTarget("kinerja", "./processes"));
    assertThat(environment.getProperty("kinerja.resources.forms-dir"))
        .isEqualTo(volumeTarget("kinerja", "./forms"));
  }

  /**
   * application.yml with its prod profile, overridden by the compose environment as Spring would.
   */
  private StandardEnvironment applicationEnvironment() throws IOException {
    var environment = new StandardEnvironment();
    var sources = environment.getPropertySources();
    sources.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
    sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
    Map<String, Object> composeEnv = env("kinerja");
    sources.addFirst(new SystemEnvironmentPropertySource("compose", composeEnv));
    var documents =
        new YamlPropertySourceLoader()
            .load("application.yml", new FileSystemResource("src/main/resources/application.yml"));
    String profile = (String) composeEnv.get("SPRING_PROFILES_ACTIVE");
    // profile documents override the default document
    for (var document : documents.reversed()) {
      Object activation = document.getProperty("spring.config.activate.on-profile");
      if (activation == null || activation.equals(profile)) {
        sources.addLast(document);
      }
    }
    return environment;
  }

  private String image(String service) {
    return (String) services.get(service).get("image");
  }

  @SuppressWarnings("unchecked")
  private List<String> ports(String service) {
    return (List<String>) services.get(service).getOrDefault("ports", List.of());
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> env(String service) {
    return (Map<String, Object>) services.get(service).get("environment");
  }

  @SuppressWarnings("unchecked")
  private String volumeTarget(String service, String source) {
    return ((List<String>) services.get(service).get("volumes"))
        .stream()
            .filter(v -> v.startsWith(source + ":"))
            .map(v -> v.substring(source.length() + 1))
            .findFirst()
            .orElseThrow();
  }

  private static Map<String, Object> compose() {
    try (Reader reader = Files.newBufferedReader(Path.of("docker-compose.yml"))) {
      return new Yaml().load(reader);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
