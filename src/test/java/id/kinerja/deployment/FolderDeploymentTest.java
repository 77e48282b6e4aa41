package id.kinerja.deployment;

import static id.kinerja.deployment.TestResources.form;
import static id.kinerja.deployment.TestResources.serviceTaskProcess;
import static id.kinerja.deployment.TestResources.userTaskProcess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.kinerja.deployment.DeploymentRecords.DeploymentRow;
import id.kinerja.engine.Engine.DefinitionKind;
import id.kinerja.support.IntegrationTest;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A process owner changes files in processes/ and forms/; the running application deploys them. */
class FolderDeploymentTest extends IntegrationTest {

  static final Path PROCESSES = tempDir("processes");
  static final Path FORMS = tempDir("forms");

  static {
    write(FORMS.resolve("cuti-form.form"), form("cuti-form"));
    write(PROCESSES.resolve("cuti.bpmn"), userTaskProcess("cuti", "cuti-form", "Ajukan cuti"));
  }

  @DynamicPropertySource
  static void folders(DynamicPropertyRegistry registry) {
    registry.add("kinerja.resources.processes-dir", PROCESSES::toString);
    registry.add("kinerja.resources.forms-dir", FORMS::toString);
  }

  @Autowired DeploymentRecords records;
  @Autowired ProblemMessages problemMessages;

  @Test
  void deploysTheFoldersAtStart() {
    assertThat(records.versions(DefinitionKind.BPMN).get("cuti")).hasSize(1);
    assertThat(records.versions(DefinitionKind.FORM).get("cuti-form")).hasSize(1);
  }

  @Test
  void aChangedProcessBecomesTheNextVersionWithoutRestart() {
    write(PROCESSES.resolve("dinas.bpmn"), userTaskProcess("dinas", "cuti-form", "Ajukan"));
    await().atMost(Duration.ofSeconds(30)).until(() -> latestVersion("dinas") == 1);

    write(
        PROCESSES.resolve("dinas.bpmn"),
        userTaskProcess("dinas", "cuti-form", "Ajukan perjalanan dinas"));

    await().atMost(Duration.ofSeconds(30)).until(() -> latestVersion("dinas") == 2);
  }

  @Test
  void anUnchangedFileCreatesNoNewVersionOrRecord() throws IOException {
    long before = records.count();
    Path file = PROCESSES.resolve("cuti.bpmn");
    // the same content written again (e.g. a save without edits) changes nothing
    write(file, Files.readString(file));
    write(PROCESSES.resolve("marker.bpmn"), userTaskProcess("marker", "cuti-form", "Tanda"));
    await().atMost(Duration.ofSeconds(30)).until(() -> latestVersion("marker") == 1);

    assertThat(records.count()).isEqualTo(before + 1);
    assertThat(latestVersion("cuti")).isEqualTo(1);
  }

  @Test
  void anInvalidProcessIsRefusedWithAReadableReasonAndNoNewVersion() {
    write(PROCESSES.resolve("rusak.bpmn"), "<definitions><process id=\"rusak\"");

    DeploymentRow failure = awaitFailureOf("rusak.bpmn");

    assertThat(messages(failure, Locale.ENGLISH))
        .singleElement()
        .asString()
        .startsWith("rusak.bpmn: the BPMN cannot be read");
    assertThat(messages(failure, Locale.forLanguageTag("id")))
        .singleElement()
        .asString()
        .startsWith("rusak.bpmn: BPMN tidak dapat dibaca");
    assertThat(records.versions(DefinitionKind.BPMN)).doesNotContainKey("rusak");
  }

  @Test
  void aServiceTaskNoWorkerHandlesIsRefused() {
    write(
        PROCESSES.resolve("tanpa-worker.bpmn"),
        serviceTaskProcess("tanpa-worker", "nobody-handles-this"));

    DeploymentRow failure = awaitFailureOf("tanpa-worker.bpmn");

    assertThat(messages(failure, Locale.ENGLISH))
        .containsExactly(
            "tanpa-worker.bpmn: task 'work' uses job type 'nobody-handles-this', which no worker handles.");
    assertThat(records.versions(DefinitionKind.BPMN)).doesNotContainKey("tanpa-worker");
  }

  @Test
  void aProcessMayUseOnlyTheWorkersAndCallsItsIdIsGrantedInConfiguration() {
    // a new process that decides appeals as the system, and one that runs a unit review
    write(PROCESSES.resolve("pintas.bpmn"), serviceTaskProcess("pintas", "kinerja-appeal-decided"));
    write(
        PROCESSES.resolve("panggil.bpmn"),
        TestResources.xml(
            Bpmn.createExecutableProcess("panggil")
                .startEvent()
                .callActivity("review", c -> c.zeebeProcessId("unit-review"))
                .endEvent()
                .done()));

    assertThat(messages(awaitFailureOf("pintas.bpmn"), Locale.forLanguageTag("id")))
        .containsExactly(
            "pintas.bpmn: tugas 'work' memakai tipe job 'kinerja-appeal-decided', yang tidak"
                + " diizinkan untuk proses 'pintas' (yang diizinkan: -). Admin memberi izin tipe job"
                + " per proses dalam konfigurasi (kinerja.resources.process-rights), bukan melalui"
                + " berkas yang diunggah.");
    assertThat(messages(awaitFailureOf("panggil.bpmn"), Locale.ENGLISH))
        .containsExactly(
            "panggil.bpmn: call activity 'review' calls process 'unit-review', which process"
                + " 'panggil' may not call. An administrator grants this in the configuration"
                + " (kinerja.resources.process-rights).");
    assertThat(records.versions(DefinitionKind.BPMN)).doesNotContainKeys("pintas", "panggil");

    // a process id the configuration grants the worker deploys
    write(
        PROCESSES.resolve("izin-kirim.bpmn"), serviceTaskProcess("rights-test", "kinerja-notify"));
    await().atMost(Duration.ofSeconds(30)).until(() -> latestVersion("rights-test") == 1);
  }

  @Test
  void aUserTaskWithAMissingFormIsRefused() {
    write(
        PROCESSES.resolve("tanpa-form.bpmn"), userTaskProcess("tanpa-form", "no-such-form", "Isi"));

    DeploymentRow failure = awaitFailureOf("tanpa-form.bpmn");

    assertThat(messages(failure, Locale.ENGLISH))
        .containsExactly(
            "tanpa-form.bpmn: user task 'task' refers to form 'no-such-form', which does not exist.");
  }

  @Test
  void anXmlExternalEntityIsRefusedBeforeParsing() {
    String xxe =
        """
        <?xml version="1.0"?>
        <!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"><process id="xxe">&xxe;</process></definitions>""";
    write(PROCESSES.resolve("xxe.bpmn"), xxe);

    DeploymentRow failure = awaitFailureOf("xxe.bpmn");

    assertThat(failure.problems()).extracting(Problem::code).containsExactly("xml.doctype");
    assertThat(records.versions(DefinitionKind.BPMN)).doesNotContainKey("xxe");
  }

  private int latestVersion(String processId) {
    var versions = records.versions(DefinitionKind.BPMN).get(processId);
    return versions == null ? 0 : versions.getFirst().version();
  }

  private DeploymentRow awaitFailureOf(String file) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                records.history(0, 100).stream()
                    .filter(d -> !d.deployed())
                    .filter(d -> d.resources().stream().anyMatch(r -> r.name().equals(file)))
                    .findFirst(),
            Optional::isPresent)
        .orElseThrow();
  }

  private List<String> messages(DeploymentRow row, Locale locale) {
    return problemMessages.describe(row.problems(), locale).stream()
        .map(ProblemMessages.Message::message)
        .toList();
  }

  static Path tempDir(String name) {
    try {
      return Files.createTempDirectory("kinerja-" + name);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static void write(Path file, String content) {
    try {
      // write next to it and move, as editors do, so the watcher never sees half a file
      Path temp = Files.writeString(file.resolveSibling(file.getFileName() + ".tmp"), content);
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
