package id.kinerja.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.LoadState;
import id.kinerja.audit.AuditTrail;
import id.kinerja.engine.Engine;
import id.kinerja.organisation.Organisation;
import id.kinerja.support.BrowserTest;
import id.kinerja.support.People;
import id.kinerja.tasklist.TaskRow;
import id.kinerja.tasklist.TaskService;
import id.kinerja.tasklist.TaskStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every page under the Content-Security-Policy in Chromium, as the people who use it: the policy
 * runs no inline script, and nothing on any page (our modules, form-js, bpmn-js) needs what it
 * forbids; a violation or script error shows in the console and fails the test.
 */
class ContentSecurityPolicyInBrowserTest extends BrowserTest {

  @Autowired Engine engine;
  @Autowired Organisation organisation;
  @Autowired TaskStore store;
  @Autowired TaskService tasks;
  @Autowired AuditTrail audit;
  @Autowired TransactionTemplate transactions;

  private final List<String> problems = new ArrayList<>();
  // pages whose own answer is a refusal: the browser logs their status, nothing is wrong
  private final List<String> refusedPages = new ArrayList<>();

  @BeforeEach
  void listen() {
    page.onConsoleMessage(
        message -> {
          boolean refusedPage =
              message.text().startsWith("Failed to load resource")
                  && refusedPages.contains(page.url());
          if (!refusedPage
              && ("error".equals(message.type())
                  || message.text().contains("Content Security Policy"))) {
            problems.add(page.url() + ": " + message.text());
          }
        });
    page.onPageError(error -> problems.add(page.url() + ": " + error));
  }

  @Test
  void everyPageRunsUnderThePolicyWithoutAViolation() {
    visit("/login", "form");
    visit("/public/feedback/SEKSI-LIP", "form");

    signIn("pegawai1");
    TaskRow draft = aDraftTaskOfPegawai1();
    visit("/", "h1");
    visit("/tasks", "#task-list > *");
    visit("/tasks/" + draft.key(), ".fjs-form");
    page.locator("#task-diagram svg").first().waitFor();
    visit("/my/skp", "h1");
    visit("/account", "h1");
    refusedPages.addAll(List.of(url("/admin"), url("/nowhere")));
    visit("/admin", "h1"); // refused: the readable 403 page
    visit("/nowhere", "h1"); // the 404 page
    refusedPages.clear();
    signOut();

    signIn("atasan1");
    visit("/team", "#team-rows tr");
    signOut();

    signIn("pengelola");
    transactions.executeWithoutResult(
        status ->
            audit.record(
                "pengelola",
                "PERIOD_CLOSED",
                "PERIOD",
                2039,
                Map.of("status", "OPEN"),
                Map.of("status", "CLOSED")));
    visit("/periods", "#board-rows tr");
    visit("/audit", "#audit-rows tr");
    page.locator("#audit-verify").click();
    page.locator("#audit-verification .notice").waitFor();
    screenshot("audit-pengelola");
    signOut();

    signIn("pemilik");
    visit("/processes", "#process-list table");
    page.locator("#process-list button.link").first().click();
    page.locator("#diagram svg").first().waitFor();
    signOut();

    signIn("admin");
    visit("/admin", "#user-rows tr");
    visit("/admin/mail", "h1");

    assertThat(problems).isEmpty();
  }

  @Test
  void everyAnswerCarriesThePolicyWithoutInlineScript() {
    Response response = page.navigate(url("/login"));

    String policy = response.headerValue("content-security-policy");
    assertThat(policy)
        .contains("script-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
        .doesNotContain("unsafe-inline", "unsafe-eval");
    assertThat(response.headerValue("x-content-type-options")).isEqualTo("nosniff");
    assertThat(response.headerValue("x-frame-options")).isEqualTo("DENY");
    assertThat(response.headerValue("referrer-policy")).isEqualTo("same-origin");
  }

  private void visit(String path, String ready) {
    page.navigate(url(path));
    page.locator(ready).first().waitFor();
    page.waitForLoadState(LoadState.LOAD);
  }

  private TaskRow aDraftTaskOfPegawai1() {
    String nip = organisation.byUsername("pegawai1").orElseThrow().nip();
    return new People(store, tasks).draftSkp(engine, "pegawai1", "atasan1", nip, 2039);
  }
}
