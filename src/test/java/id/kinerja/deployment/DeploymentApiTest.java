package id.kinerja.deployment;

import static id.kinerja.deployment.TestResources.form;
import static id.kinerja.deployment.TestResources.userTaskProcess;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.kinerja.support.IntegrationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;

/** Process owners list and upload processes through the API, as scripts do (HTTP Basic). */
class DeploymentApiTest extends IntegrationTest {

  static final Path PROCESSES = FolderDeploymentTest.tempDir("api-processes");
  static final Path FORMS = FolderDeploymentTest.tempDir("api-forms");

  @DynamicPropertySource
  static void folders(DynamicPropertyRegistry registry) {
    registry.add("kinerja.resources.processes-dir", PROCESSES::toString);
    registry.add("kinerja.resources.forms-dir", FORMS::toString);
  }

  @Autowired TestRestTemplate http;

  @Test
  void aProcessOwnerUploadsAProcessWithItsFormAndSeesItListed() throws IOException {
    String process = userTaskProcess("izin", "izin-form", "Ajukan izin");
    ResponseEntity<JsonNode> upload =
        upload("pemilik", "en", file("izin.form", form("izin-form")), file("izin.bpmn", process));

    assertThat(upload.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(upload.getBody().path("status").asText()).isEqualTo("DEPLOYED");
    assertThat(Files.readString(PROCESSES.resolve("izin.bpmn"))).contains("Ajukan izin");
    assertThat(Files.exists(FORMS.resolve("izin.form"))).isTrue();

    JsonNode definitions =
        http.withBasicAuth("pemilik", "demo")
            .getForObject("/api/process-definitions", JsonNode.class);
    JsonNode izin = find(definitions, "izin");
    assertThat(izin.path("latestVersion").asInt()).isEqualTo(1);
    assertThat(izin.path("versions")).hasSize(1);

    // the same files again: nothing new
    ResponseEntity<JsonNode> again =
        upload("pemilik", "en", file("izin.form", form("izin-form")), file("izin.bpmn", process));
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(again.getBody().path("status").asText()).isEqualTo("UNCHANGED");
  }

  @Test
  void aRefusedUploadDeploysNothingAndSaysWhyInTheCallersLanguage() {
    // the form is fine, the process refers to a form that does not exist: nothing is deployed
    ResponseEntity<JsonNode> upload =
        upload(
            "pemilik",
            "id",
            file("cuti2.form", form("cuti2-form")),
            file("cuti2.bpmn", userTaskProcess("cuti2", "tidak-ada", "Ajukan")));

    assertThat(upload.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(upload.getBody().path("problems").get(0).path("message").asText())
        .isEqualTo("cuti2.bpmn: user task 'task' merujuk formulir 'tidak-ada' yang tidak ada.");
    JsonNode forms =
        http.withBasicAuth("pemilik", "demo").getForObject("/api/form-definitions", JsonNode.class);
    assertThat(find(forms, "cuti2-form")).isNull();
    assertThat(Files.exists(FORMS.resolve("cuti2.form"))).isFalse();

    JsonNode history =
        http.withBasicAuth("pemilik", "demo").getForObject("/api/deployments", JsonNode.class);
    assertThat(history.get(0).path("outcome").asText()).isEqualTo("FAILED");
    assertThat(history.get(0).path("deployedBy").asText()).isEqualTo("pemilik");
  }

  @Test
  void onlyProcessOwnersUploadAndOnlySignedInStaffRead() {
    assertThat(upload("pegawai1", "en", file("x.form", form("x-form"))).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.getForEntity("/api/process-definitions", JsonNode.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(
            http.withBasicAuth("pegawai1", "demo")
                .getForEntity("/api/deployments", JsonNode.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(
            http.withBasicAuth("pengelola", "demo")
                .getForEntity("/api/process-definitions", JsonNode.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void aFileNameThatIsNotAPlainResourceNameIsRefused() {
    ResponseEntity<JsonNode> upload = upload("pemilik", "en", file("../../etc/evil.sh", "echo"));

    assertThat(upload.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(upload.getBody().path("detail").asText()).contains("not accepted");
  }

  private ResponseEntity<JsonNode> upload(String user, String language, HttpEntity<?>... files) {
    var body = new LinkedMultiValueMap<String, Object>();
    for (HttpEntity<?> file : files) {
      body.add("files", file);
    }
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
    return http.withBasicAuth(user, "demo")
        .postForEntity("/api/deployments", new HttpEntity<>(body, headers), JsonNode.class);
  }

  private static HttpEntity<ByteArrayResource> file(String name, String content) {
    var headers = new HttpHeaders();
    headers.setContentDispositionFormData("files", name);
    return new HttpEntity<>(
        new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
          @Override
          public String getFilename() {
            return name;
          }
        },
        headers);
  }

  private static JsonNode find(JsonNode definitions, String id) {
    for (JsonNode definition : definitions) {
      if (definition.path("id").asText().equals(id)) {
        return definition;
      }
    }
    return null;
  }
}
