package id.kinerja.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Template uploads, the outbox and received mail in the API and the admin page. */
class AdminTest extends NotificationTest {

  @Autowired MockMvc mvc;

  private static RequestPostProcessor as(String username, String role) {
    return SecurityMockMvcRequestPostProcessors.user(username).roles(role);
  }

  @Test
  void aBrokenTemplateIsRefusedWithTheReasonAndNothingIsWritten() throws Exception {
    Path file = TEMPLATES.resolve("task-assigned.en.html");
    String before = Files.readString(file);

    mvc.perform(
            put("/api/admin/notification-templates/task-assigned.en.html")
                .header("Accept-Language", "id")
                .with(as("pemilik", "PROCESS_OWNER"))
                .with(csrf())
                .contentType(MediaType.TEXT_PLAIN)
                .content("<p th:text=\"${recipientName\">Hello</p>"))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.detail", containsString("${recipientName")))
        .andExpect(jsonPath("$.title").value("Templat notifikasi tidak valid"));

    assertThat(Files.readString(file)).isEqualTo(before);
  }

  @Test
  void aTemplateIncludesOnlyTemplatesOfItsFolderAndReadsNoOtherFile() throws Exception {
    Path secret = TEMPLATES.getParent().resolve("rahasia.txt");
    Files.writeString(secret, "RAHASIA-DI-LUAR-FOLDER");
    String outside = TEMPLATES.getParent().relativize(secret).toString();
    for (String content :
        new String[] {
          "[# th:insert=\"~{../" + outside + "}\" /]",
          "[# th:insert=\"~{" + secret + "}\" /]",
          "[(${T(java.nio.file.Files).readString(T(java.nio.file.Path).of('" + secret + "'))})]",
        }) {
      mvc.perform(
              put("/api/admin/notification-templates/task-assigned.en.txt")
                  .with(as("pemilik", "PROCESS_OWNER"))
                  .with(csrf())
                  .contentType(MediaType.TEXT_PLAIN)
                  .content(content))
          .andExpect(status().isUnprocessableEntity())
          .andExpect(content().string(org.hamcrest.Matchers.not(containsString("RAHASIA"))));
    }
    Path file = TEMPLATES.resolve("task-assigned.en.txt");
    String before = Files.readString(file);
    try {
      // a template of its own folder may be included
      mvc.perform(
              put("/api/admin/notification-templates/task-assigned.en.txt")
                  .with(as("pemilik", "PROCESS_OWNER"))
                  .with(csrf())
                  .contentType(MediaType.TEXT_PLAIN)
                  .content("Halo [# th:insert=\"~{task-assigned.id.subject.txt}\" /]"))
          .andExpect(status().isNoContent());
    } finally {
      Files.writeString(file, before);
    }
  }

  @Test
  void anUnknownTemplateNameIsRefused() throws Exception {
    mvc.perform(
            put("/api/admin/notification-templates/../../etc.txt")
                .with(as("admin", "ADMIN"))
                .with(csrf())
                .contentType(MediaType.TEXT_PLAIN)
                .content("x"))
        .andExpect(status().is4xxClientError());
    mvc.perform(
            put("/api/admin/notification-templates/leave-approved.id.txt")
                .with(as("admin", "ADMIN"))
                .with(csrf())
                .contentType(MediaType.TEXT_PLAIN)
                .content("x"))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.detail", containsString("task-assigned")));
  }

  @Test
  void anUploadedTemplateAppliesToTheNextMessageWithoutRestart() throws Exception {
    Path file = TEMPLATES.resolve("appeal-filed.en.subject.txt");
    String before = Files.readString(file);
    try {
      mvc.perform(
              put("/api/admin/notification-templates/appeal-filed.en.subject.txt")
                  .with(as("admin", "ADMIN"))
                  .with(csrf())
                  .contentType(MediaType.TEXT_PLAIN)
                  .content("Keberatan / appeal from [(${employeeName})]"))
          .andExpect(status().isNoContent());

      String user = user("en");
      String event = eventKey();
      enqueue(new NotificationRequest(event, NotificationType.APPEAL_FILED, user, model(), "/a/1"));
      assertThat(row(event, user).subject()).isEqualTo("Keberatan / appeal from Siti Rahma");

      mvc.perform(get("/api/admin/notification-templates").with(as("pemilik", "PROCESS_OWNER")))
          .andExpect(status().isOk())
          .andExpect(content().string(containsString("appeal-filed.en.subject.txt")))
          .andExpect(content().string(containsString("digest.id.html")));
    } finally {
      Files.writeString(file, before);
    }
  }

  @Test
  void theOutboxAndTheReceivedMailAreShown() throws Exception {
    String user = user("id");
    String event = eventKey();
    enqueue(new NotificationRequest(event, NotificationType.SKP_RETURNED, user, model(), "/skp/5"));
    var mail = awaitMailTo(email(user));

    mvc.perform(
            get("/api/admin/mail/outbox")
                .param("status", "SENT")
                .param("size", "200")
                .with(as("admin", "ADMIN")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").isNumber())
        .andExpect(content().string(containsString(event)));
    mvc.perform(get("/api/admin/mail/messages").with(as("admin", "ADMIN")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(mail.messageId())));
    mvc.perform(get("/admin/mail").header("Accept-Language", "id").with(as("admin", "ADMIN")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Kotak keluar")))
        .andExpect(content().string(containsString(mail.subject())))
        .andExpect(content().string(containsString("/css/app.css")))
        .andExpect(content().string(containsString("src=\"/admin/mail/messages/")));
    // the preview frame: the mail's own styles, nothing that runs, framed by this site only
    int index = smtp.received().size() - 1;
    mvc.perform(get("/admin/mail/messages/" + index).with(as("admin", "ADMIN")))
        .andExpect(status().isOk())
        .andExpect(header().string("X-Frame-Options", "SAMEORIGIN"))
        .andExpect(header().string("Content-Security-Policy", containsString("sandbox")))
        .andExpect(
            header().string("Content-Security-Policy", containsString("default-src 'none'")));
    mvc.perform(get("/admin/mail/messages/" + index).with(as("pegawai1", "PEGAWAI")))
        .andExpect(status().isForbidden());
  }
}
