package appliance.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web debugger in a real browser: headless Chromium driven by Selenium (Debian's {@code chromium}
 * and {@code chromium-driver}; skipped when they are not installed). The server runs the project's
 * workflow with its MockConfigFile's test cases, and a small machine whose task the test holds open.
 */
class WebDebuggerBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(15);

    private static final String HELD = """
            {"StartAt": "Prepare", "States": {
              "Prepare": {"Type": "Pass", "Parameters": {"order.$": "$.order"}, "Next": "Wait for stock"},
              "Wait for stock": {"Type": "Task", "Resource": "%s", "ResultPath": "$.stock", "Next": "In stock?"},
              "In stock?": {"Type": "Choice", "Choices": [{"Variable": "$.stock.count", "NumericGreaterThan": 0, "Next": "Ship"}],
                            "Default": "Sold out"},
              "Ship": {"Type": "Succeed"},
              "Sold out": {"Type": "Fail", "Error": "SoldOut"}}}
            """.formatted(ControllableTasks.HOLD);

    private static ControllableTasks tasks;
    private static StepFunctionsServer server;
    private static ChromeDriver browser;
    private static Path profile;

    @BeforeAll
    static void start() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
        tasks = new ControllableTasks();
        server = StepFunctionsServer.start(ServerOptions.inMemory(0)
                .withMockConfig(CookWorkflowFixture.mockConfig())
                .withSamples(CookWorkflowFixture.samples()), tasks, Clock.systemUTC());
        server.registerStateMachine(CookWorkflowFixture.MACHINE, CookWorkflowFixture.definition(), "STANDARD", tasks);
        server.registerStateMachine("Held", HELD, "STANDARD", tasks);

        profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1600,1300");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }

    @Test
    void an_execution_started_from_the_form_shows_its_path_and_each_step_of_a_state_processing() throws IOException {
        openMachine("CookWorkflow");
        new Select(browser.findElement(By.id("sample"))).selectByVisibleText("preset-ended-early.json");
        assertThat(browser.findElement(By.id("input-json")).getDomProperty("value")).contains("\"pre\": \"popcorn\"");
        new Select(browser.findElement(By.id("test-case"))).selectByVisibleText("PresetEndedEarly");
        browser.findElement(By.id("execution-name-input")).sendKeys("from-the-page");
        browser.findElement(By.id("start-button")).click();

        // The form opens what it started; opening it from the list shows the same execution.
        await().until(ExpectedConditions.textToBe(By.id("execution-name"), "from-the-page"));
        click(By.cssSelector("#execution-list button[data-name='from-the-page']"));
        await().until(ExpectedConditions.textToBe(By.cssSelector("#execution-status .badge"), "SUCCEEDED"));

        assertThat(statusOf("Receive cook event")).isEqualTo("succeeded");
        assertThat(statusOf("Classify cook")).isEqualTo("succeeded");
        assertThat(statusOf("Notify owner")).isEqualTo("succeeded");
        assertThat(statusOf("Cook handled")).isEqualTo("succeeded");
        assertThat(statusOf("Record rejected event")).isEqualTo("none");
        assertThat(statusOf("Owner not notified")).isEqualTo("none");
        assertThat(browser.findElements(By.cssSelector("#graph .state"))).hasSize(12);
        assertThat(browser.findElements(By.cssSelector("#graph path.edge.kind-catch"))).hasSize(2);
        assertThat(browser.findElements(By.cssSelector("#graph .edge-label.kind-choice"))).isNotEmpty();
        assertThat(boxesOverlapping()).as("state boxes drawn over one another").isEmpty();
        assertThat(List.of("Receive cook event", "Classify cook", "Did the cook end early?", "Compose push payloads",
                "Compose notification", "Notify owner", "Record cook", "Was the owner notified?", "Cook handled"))
                .as("each state of the main path drawn below the one before it")
                .extracting(name -> top(name))
                .isSorted()
                .doesNotHaveDuplicates();

        click(stateLocator("Classify cook"));
        await().until(ExpectedConditions.textToBe(By.id("state-name"), "Classify cook"));
        assertThat(step("input")).contains("\"pre\": \"popcorn\"").doesNotContain("\"cook\"");
        assertThat(step("afterParameters"))
                .contains("\"FunctionName\": \"arn:aws:lambda:us-east-1:123456789012:function:ClassifyCookFunction\"")
                .contains("\"Payload\"");
        assertThat(step("result")).contains("\"StatusCode\": 200").contains("\"Payload\"");
        assertThat(step("afterResultSelector")).contains("\"outcome\": \"EARLY_END_PRESET\"").doesNotContain("StatusCode");
        assertThat(step("afterResultPath")).contains("\"cook\"").contains("\"event\"");
        assertThat(step("output")).isEqualTo(step("afterResultPath"));
        assertThat(browser.findElement(By.cssSelector("#state-panel .step[data-step='output']")).getText()).contains("unchanged");
        assertThat(browser.findElement(By.cssSelector("#state-status .badge")).getText()).isEqualTo("SUCCEEDED");
        assertThat(browser.findElement(By.cssSelector("#state-panel .visit-events")).getText())
                .contains("TaskStateEntered").contains("TaskScheduled").contains("TaskSucceeded").contains("TaskStateExited");

        List<WebElement> highlighted = browser.findElements(By.cssSelector("#events-table tr.highlight"));
        assertThat(highlighted).extracting(row -> row.getDomAttribute("data-state")).containsOnly("Classify cook");
        assertThat(browser.findElements(By.cssSelector("#events-table tbody tr")).get(0).getText())
                .contains("ExecutionStarted");

        Path screenshot = Path.of("target", "web-debugger.png");
        Files.createDirectories(screenshot.getParent());
        Files.write(screenshot, browser.getScreenshotAs(OutputType.BYTES));
        assertThat(screenshot).isNotEmptyFile();
        WebElement history = browser.findElement(By.cssSelector("section.history"));
        browser.executeScript("arguments[0].scrollIntoView()", history);
        Files.write(Path.of("target", "web-debugger-history.png"), history.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void a_caught_error_shows_the_state_as_caught_with_its_error_and_the_execution_failing_later() throws IOException {
        openMachine("CookWorkflow");
        new Select(browser.findElement(By.id("sample"))).selectByVisibleText("preset-ended-early.json");
        new Select(browser.findElement(By.id("test-case"))).selectByVisibleText("NotificationFailed");
        browser.findElement(By.id("execution-name-input")).sendKeys("refused");
        browser.findElement(By.id("start-button")).click();

        await().until(ExpectedConditions.textToBe(By.cssSelector("#execution-status .badge"), "FAILED"));
        assertThat(browser.findElement(By.id("execution-name")).getText()).isEqualTo("refused");
        assertThat(statusOf("Notify owner")).isEqualTo("caught");
        assertThat(statusOf("Record cook")).isEqualTo("succeeded");
        assertThat(statusOf("Owner not notified")).isEqualTo("failed");
        assertThat(browser.findElements(By.cssSelector("#graph path.edge.kind-catch.taken"))).hasSize(1);

        click(stateLocator("Notify owner"));
        await().until(ExpectedConditions.textToBe(By.id("state-name"), "Notify owner"));
        assertThat(browser.findElement(By.id("state-error")).getText())
                .contains("SNS.AuthorizationErrorException").contains("not authorized");
        assertThat(step("afterParameters")).contains("\"TopicArn\"").contains("\"MessageStructure\": \"json\"");
        assertThat(browser.findElements(By.cssSelector("#state-panel .step[data-step='result']"))).isEmpty();
        assertThat(step("output")).contains("\"notification_failure\"").contains("SNS.AuthorizationErrorException");
        Files.write(Path.of("target", "web-debugger-caught.png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void a_running_execution_updates_while_the_page_is_open() throws Exception {
        openMachine("Held");
        browser.findElement(By.id("input-json")).clear();
        browser.findElement(By.id("input-json")).sendKeys("{\"order\": \"o-1\"}");
        browser.findElement(By.id("start-button")).click();
        CompletableFuture<com.fasterxml.jackson.databind.JsonNode> held = tasks.nextHeld();

        await().until(ExpectedConditions.attributeToBe(stateLocator("Wait for stock"), "data-status", "running"));
        assertThat(textOf(By.cssSelector("#execution-status .badge"))).isEqualTo("RUNNING");
        assertThat(statusOf("Prepare")).isEqualTo("succeeded");
        assertThat(statusOf("Ship")).isEqualTo("none");

        held.complete(appliance.engine.definition.Json.MAPPER.readTree("{\"count\": 3}"));

        await().until(ExpectedConditions.textToBe(By.cssSelector("#execution-status .badge"), "SUCCEEDED"));
        await().until(ExpectedConditions.attributeToBe(stateLocator("Ship"), "data-status", "succeeded"));
        assertThat(statusOf("Wait for stock")).isEqualTo("succeeded");
        assertThat(statusOf("Sold out")).isEqualTo("none");
    }

    private static void openMachine(String name) {
        browser.get(server.endpoint() + "/");
        click(By.xpath("//ul[@id='machine-list']//button[contains(., '" + name + "')]"));
        await().until(ExpectedConditions.textToBe(By.id("start-machine"), name));
    }

    /** Waits on a condition; the page redraws while an execution runs, so stale elements are read again. */
    private static WebDriverWait await() {
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** Clicks what the locator finds once it is clickable, again if the page redrew it meanwhile. */
    private static void click(By locator) {
        await().ignoring(ElementClickInterceptedException.class).until(driver -> {
            WebElement element = ExpectedConditions.elementToBeClickable(locator).apply(driver);
            if (element == null) {
                return false;
            }
            element.click();
            return true;
        });
    }

    private static By stateLocator(String name) {
        return By.cssSelector("#graph .state[data-state='" + name + "']");
    }

    /** A state's status as drawn; the graph is redrawn while an execution runs, so this reads through redraws. */
    private static String statusOf(String name) {
        return await().until(driver -> driver.findElement(stateLocator(name)).getDomAttribute("data-status"));
    }

    private static String textOf(By locator) {
        return await().until(driver -> driver.findElement(locator).getText());
    }

    private static double top(String state) {
        return browser.findElement(By.cssSelector("#graph .state[data-state='" + state + "'] > rect.box")).getRect().getY();
    }

    /** Pairs of state boxes (of one graph level) that overlap on screen. */
    private static List<String> boxesOverlapping() {
        List<WebElement> boxes = browser.findElements(By.cssSelector("#graph .state > rect.box"));
        List<org.openqa.selenium.Rectangle> rects = boxes.stream().map(WebElement::getRect).toList();
        List<String> overlapping = new java.util.ArrayList<>();
        for (int i = 0; i < rects.size(); i++) {
            for (int j = i + 1; j < rects.size(); j++) {
                org.openqa.selenium.Rectangle a = rects.get(i);
                org.openqa.selenium.Rectangle b = rects.get(j);
                boolean apart = a.getX() + a.getWidth() <= b.getX() || b.getX() + b.getWidth() <= a.getX()
                        || a.getY() + a.getHeight() <= b.getY() || b.getY() + b.getHeight() <= a.getY();
                if (!apart) {
                    overlapping.add(a + " / " + b);
                }
            }
        }
        return overlapping;
    }

    /** A step's whole JSON (an unchanged step shows only its first lines on screen). */
    private static String step(String name) {
        return browser.findElement(By.cssSelector("#state-panel .step[data-step='" + name + "'] pre"))
                .getDomProperty("textContent");
    }
}
