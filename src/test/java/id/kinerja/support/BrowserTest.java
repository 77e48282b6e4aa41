package id.kinerja.support;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Tests in a real browser: Playwright drives Debian's Chromium (/usr/bin/chromium, installed by
 * .ci/run) against the application on its random port. Screenshots land in target/screenshots.
 */
public abstract class BrowserTest extends IntegrationTest {

  /** Copies of processes/ and forms/: uploads in browser tests must not change the real ones. */
  static final Path PROCESSES = copyOf("processes");

  static final Path FORMS = copyOf("forms");

  @DynamicPropertySource
  static void folders(DynamicPropertyRegistry registry) {
    registry.add("kinerja.resources.processes-dir", PROCESSES::toString);
    registry.add("kinerja.resources.forms-dir", FORMS::toString);
  }

  static Path copyOf(String folder) {
    try {
      Path copy = Files.createTempDirectory("kinerja-browser-" + folder);
      try (var files = Files.list(Path.of(folder))) {
        for (Path file : files.toList()) {
          Files.copy(file, copy.resolve(file.getFileName()));
        }
      }
      return copy;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Signs in through the login form, as a demo user. */
  protected void signIn(String username) {
    signIn(username, "demo");
  }

  protected void signIn(String username, String password) {
    page.navigate(url("/login"));
    page.locator("#username").fill(username);
    page.locator("#password").fill(password);
    page.locator("form button[type=submit]").click();
    page.waitForURL(url("/"));
  }

  protected void signOut() {
    page.locator("header form button[type=submit]").click();
    page.waitForURL(url("/login?logout"));
  }

  static final Path CHROMIUM = Path.of(System.getProperty("kinerja.chromium", "/usr/bin/chromium"));
  public static final Path SCREENSHOTS = Path.of("target/screenshots");

  private static Playwright playwright;
  private static Browser browser;
  private static final Map<String, Page> SIGNED_IN = new HashMap<>();

  @LocalServerPort protected int port;
  private BrowserContext context;
  protected Page page;

  /** Script errors and failed loads of the pages this test used: a page must have none. */
  protected final List<String> pageErrors = new ArrayList<>();

  @BeforeAll
  static void launch() {
    playwright = Playwright.create();
    browser = chromium(playwright);
  }

  /** Debian's Chromium, headless, without the network calls this machine refuses. */
  public static Browser chromium(Playwright playwright) {
    return playwright
        .chromium()
        .launch(
            new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(
                    List.of(
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--no-first-run")));
  }

  @AfterAll
  static void close() {
    SIGNED_IN.clear();
    if (playwright != null) {
      playwright.close();
    }
  }

  @BeforeEach
  void openPage() {
    context = browser.newContext(new Browser.NewContextOptions().setLocale("id-ID"));
    page = watched(context.newPage());
  }

  private Page watched(Page page) {
    page.onPageError(error -> pageErrors.add(error));
    page.onConsoleMessage(
        message -> {
          if ("error".equals(message.type())) {
            pageErrors.add(message.text());
          }
        });
    return page;
  }

  /**
   * Acts as the demo user in a browser context of their own that stays signed in for the rest of
   * the test class, so that a class of many short tests signs each person in once.
   */
  protected void actAs(String username) {
    page =
        SIGNED_IN.computeIfAbsent(
            username,
            user -> {
              Page own =
                  watched(
                      browser
                          .newContext(new Browser.NewContextOptions().setLocale("id-ID"))
                          .newPage());
              page = own;
              signIn(user);
              return own;
            });
  }

  @AfterEach
  void closePage() {
    context.close();
  }

  protected String url(String path) {
    return "http://localhost:" + port + path;
  }

  /** Keeps a picture of the page as a test artifact. */
  protected void screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    page.screenshot(
        new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
  }

  /** A phone-sized page, for checking that a screen works on a phone. */
  protected void asPhone() {
    page.setViewportSize(390, 844);
  }

  /** Opens the task from the list; a task the process just created may take a moment to appear. */
  protected void openTask(String name) {
    Locator card = page.locator(".task-card", new Page.LocatorOptions().setHasText(name)).first();
    await()
        .atMost(Duration.ofSeconds(45))
        .until(
            () -> {
              page.navigate(url("/tasks"));
              page.locator("#task-list > *").first().waitFor(); // cards or "no tasks"
              return card.count() > 0;
            });
    card.click();
    page.locator("#task-submit").waitFor();
  }

  /**
   * Fills a form-js field and leaves it: form-js commits typed values after a pause or on blur, and
   * a field another one re-renders before that loses what was typed.
   */
  protected void fillField(String labelStart, String value) {
    Locator field =
        page.getByLabel(labelStart, new Page.GetByLabelOptions().setExact(false)).first();
    field.fill(value);
    field.blur();
  }

  /** form-js selects are a display box opening a list of options. */
  protected void choose(String label, String option) {
    page.locator(".fjs-form-field", new Page.LocatorOptions().setHasText(label))
        .last()
        .locator(".fjs-select-display")
        .click();
    page.locator(".fjs-dropdownlist-item", new Page.LocatorOptions().setHasText(option))
        .first()
        .click();
  }

  protected void submit() {
    page.locator("#task-submit").click();
    assertThat(page.locator("#task-messages"))
        .containsText(
            page.locator("html").getAttribute("lang").equals("en")
                ? "Task completed"
                : "Tugas selesai");
  }
}
