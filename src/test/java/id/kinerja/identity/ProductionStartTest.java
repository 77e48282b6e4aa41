package id.kinerja.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.kinerja.support.ContextEngineInitializer;
import id.kinerja.support.Session;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;

/**
 * A production start on an empty database of its own, with the demo off: no demo accounts; the
 * first administrator created once from the command line; people signing in through an OpenID
 * Connect provider (a local test issuer in this JVM) matched by the NIP in their ID token.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "kinerja.demo.enabled=false",
      "kinerja.bootstrap.admin=kepala-tik",
      "kinerja.bootstrap.admin-password=Sandi-Pertama-Admin-2027",
      "spring.security.oauth2.client.registration.sso.client-id=kinerja",
      "spring.security.oauth2.client.registration.sso.client-secret=rahasia-uji",
      "spring.security.oauth2.client.registration.sso.client-name=SSO Pemda",
      "spring.security.oauth2.client.registration.sso.scope=openid,profile"
    })
@ActiveProfiles("test")
@ContextConfiguration(initializers = ContextEngineInitializer.class)
class ProductionStartTest {

  static final String DATABASE =
      System.getenv().getOrDefault("KINERJA_TEST_DB", "kinerja_test") + "_prod";
  static final MockOAuth2Server issuer = new MockOAuth2Server();

  @DynamicPropertySource
  static void emptyDatabaseAndTestIssuer(DynamicPropertyRegistry registry) throws Exception {
    try (var connection =
            DriverManager.getConnection(
                "jdbc:postgresql://localhost:5432/postgres", "postgres", "");
        var statement = connection.createStatement()) {
      statement.execute("drop database if exists " + DATABASE + " with (force)");
    }
    issuer.start(InetAddress.getLoopbackAddress(), 0);
    registry.add("spring.datasource.url", () -> "jdbc:postgresql://localhost:5432/" + DATABASE);
    registry.add(
        "spring.security.oauth2.client.provider.sso.issuer-uri",
        () -> issuer.issuerUrl("pemda").toString());
  }

  @AfterAll
  static void stopIssuer() {
    issuer.shutdown();
  }

  @Autowired TestRestTemplate http;
  @Autowired JdbcClient jdbc;
  @Autowired AdminBootstrap bootstrap;
  @LocalServerPort int port;

  @Test
  void thereAreNoDemoAccountsAndTheFirstAdministratorIsCreatedOnce() {
    for (String demo : List.of("admin", "pegawai1", "pengelola")) {
      assertThat(
              http.withBasicAuth(demo, "demo")
                  .getForEntity("/api/me", String.class)
                  .getStatusCode())
          .isEqualTo(HttpStatus.UNAUTHORIZED);
    }
    assertThat(
            jdbc.sql(
                    "select count(*) from app_user where username in ('admin', 'pegawai1', 'pengelola', 'sekda')")
                .query(Long.class)
                .single())
        .isZero();
    assertThat(
            jdbc.sql("select count(*) from org_unit where code in ('DISKOMINFO', 'BKPSDM')")
                .query(Long.class)
                .single())
        .isZero();
    JsonNode me =
        http.withBasicAuth("kepala-tik", "Sandi-Pertama-Admin-2027")
            .getForObject("/api/me", JsonNode.class);
    assertThat(me.path("roles").toString()).contains("ADMIN");

    bootstrap.run(new DefaultApplicationArguments()); // a second start with the setting still on
    assertThat(
            jdbc.sql("select count(*) from app_user_role where role = 'ADMIN'")
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(
            jdbc.sql("select count(*) from audit_event where action = 'ADMIN_BOOTSTRAPPED'")
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void anImportedEmployeeSignsInThroughTheProviderByNipAndAnUnknownNipIsTurnedAway() {
    String nip = "199001152015031001";
    var body = new LinkedMultiValueMap<String, Object>();
    body.add(
        "units",
        file("units", "code,name,parent_code,head_nip\nDPMPTSP,Dinas Penanaman Modal,,\n"));
    body.add(
        "employees",
        file(
            "employees",
            "nip,name,position,grade,employee_type,unit_code,superior_nip,email,position_type\n"
                + nip
                + ",Lalu Satria,Analis Perizinan,III/b,PNS,DPMPTSP,,,fungsional\n"));
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    assertThat(
            http.withBasicAuth("kepala-tik", "Sandi-Pertama-Admin-2027")
                .postForEntity(
                    "/api/organisation/import", new HttpEntity<>(body, headers), String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);

    Session browser = Session.anonymous(port);
    assertThat(browser.page("/login").text()).contains("SSO Pemda");
    issuer.enqueueCallback(
        new DefaultOAuth2TokenCallback(
            "pemda", "satria@pemda", "JWT", List.of("kinerja"), Map.of("nip", nip), 600));
    Session.Answer home = browser.page("/oauth2/authorization/sso");
    assertThat(home.status()).isEqualTo(200);
    JsonNode me = browser.get("/api/me");
    assertThat(me.path("username").asText()).isEqualTo(nip);
    assertThat(me.path("name").asText()).isEqualTo("Lalu Satria");
    assertThat(me.path("roles").toString()).contains("PEGAWAI");

    Session stranger = Session.anonymous(port);
    issuer.enqueueCallback(
        new DefaultOAuth2TokenCallback(
            "pemda",
            "orang-lain",
            "JWT",
            List.of("kinerja"),
            Map.of("nip", "198001012005011001"),
            600));
    Session.Answer refused = stranger.page("/oauth2/authorization/sso");
    assertThat(refused.text()).contains("NIP Anda tidak terdaftar");
    assertThat(stranger.page("/api/me").status()).isEqualTo(401);
  }

  private static HttpEntity<ByteArrayResource> file(String name, String csv) {
    var headers = new HttpHeaders();
    headers.setContentDispositionFormData(name, name + ".csv");
    return new HttpEntity<>(
        new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)) {
          @Override
          public String getFilename() {
            return name + ".csv";
          }
        },
        headers);
  }
}
