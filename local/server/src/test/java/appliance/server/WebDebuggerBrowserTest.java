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

        Path screenshot = Path.of("target", "web-debugger.png");
        Files.createDirectories(screenshot.getParent());
        Files.write(screenshot, browser.getScreenshotAs(OutputType.BYTES));
        assertThat(screenshot).isNotEmptyFile();
        click(By.id("tab-history"));
        WebElement history = browser.findElement(By.cssSelector("section.history"));
        await().until(driver -> history.isDisplayed());
        assertThat(browser.findElements(By.cssSelector("#events-table tbody tr")).get(0).getText())
                .contains("ExecutionStarted");
        Files.write(Path.of("target", "web-debugger-history.png"), history.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void the_state_panel_tests_a_visit_again_with_test_state() {
        startFromTheForm("PresetEndedEarly", "retested");
        await().until(ExpectedConditions.textToBe(By.cssSelector("#execution-status .badge"), "SUCCEEDED"));
        click(stateLocator("Classify cook"));
        await().until(ExpectedConditions.textToBe(By.id("state-name"), "Classify cook"));

        click(By.id("test-state-button"));

        await().until(ExpectedConditions.textToBe(By.cssSelector("#test-state-status .badge"), "SUCCEEDED"));
        assertThat(browser.findElement(By.id("test-state-next")).getText()).isEqualTo("Did the cook end early?");
        String output = browser.findElement(By.cssSelector("#test-state-result [data-test-step='output'] pre"))
                .getDomProperty("textContent");
        assertThat(output).as("the recorded result, through the state's processing again")
                .isEqualToIgnoringWhitespace(step("output"));
    }

    @Test
    void a_caught_error_shows_the_state_as_caught_with_its_error_and_the_execution_failing_later() throws IOException {
        startFromTheForm("NotificationFailed", "refused");

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

    @Test
    void the_execution_list_shows_new_executions_and_status_changes_without_a_reload() throws Exception {
        openMachine("Held");
        String arn = startFromOutside("Held", "started-elsewhere", "{\"order\": \"o-2\"}");
        CompletableFuture<com.fasterxml.jackson.databind.JsonNode> held = tasks.nextHeld();

        By listed = By.cssSelector("#execution-list button[data-name='started-elsewhere'] .execution-status-text");
        await().until(ExpectedConditions.textToBe(listed, "RUNNING"));
        held.complete(appliance.engine.definition.Json.MAPPER.readTree("{\"count\": 0}"));

        await().until(ExpectedConditions.textToBe(listed, "FAILED"));
        assertThat(browser.findElements(By.id("refresh-button")).get(0).isDisplayed()).isTrue();
        assertThat(arn).endsWith(":started-elsewhere");
    }

    @Test
    void fit_shows_the_whole_graph_the_history_is_a_tab_away_and_dates_are_iso() {
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 900));
        try {
            startFromTheForm("PresetEndedEarly", "fitted");
            await().until(ExpectedConditions.textToBe(By.cssSelector("#execution-status .badge"), "SUCCEEDED"));

            click(By.id("zoom-fit"));
            org.openqa.selenium.Rectangle area = browser.findElement(By.id("graph")).getRect();
            org.openqa.selenium.Rectangle drawn = browser.findElement(By.id("graph-svg")).getRect();
            assertThat(drawn.getHeight()).as("graph height within its area").isLessThanOrEqualTo(area.getHeight());
            assertThat(drawn.getWidth()).as("graph width within its area").isLessThanOrEqualTo(area.getWidth());
            assertThat(browser.findElement(By.cssSelector("#graph .state[data-state='Cook handled'] text.type")).getText())
                    .as("status in words on the graph").contains("succeeded");
            assertThat(browser.findElement(By.cssSelector("#execution-list button[data-name='fitted'] .execution-status-text"))
                    .getText()).as("status in words in the list").isEqualTo("SUCCEEDED");
            assertThat(browser.findElement(By.id("execution-meta")).getText())
                    .matches("started \\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z .*");

            click(By.id("tab-history"));
            WebElement firstEvent = browser.findElement(By.cssSelector("#events-table tbody tr"));
            await().until(driver -> firstEvent.isDisplayed());
            assertThat(firstEvent.getRect().getY()).as("the history starts on the first screen").isLessThan(900);
            assertThat(browser.findElement(By.id("graph")).isDisplayed()).isFalse();
            assertThat(browser.getCurrentUrl()).contains("tab=history");
        } finally {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1600, 1300));
        }
    }

    @Test
    void the_url_says_what_is_shown_editing_it_and_back_and_forward_follow_it() {
        startFromTheForm("PresetEndedEarly", "navigated");
        await().until(ExpectedConditions.textToBe(By.cssSelector("#execution-status .badge"), "SUCCEEDED"));
        click(stateLocator("Classify cook"));
        await().until(ExpectedConditions.textToBe(By.id("state-name"), "Classify cook"));
        String classify = browser.getCurrentUrl();

        browser.get(classify.replace("state=Classify+cook", "state=Notify+owner"));
        await().until(ExpectedConditions.textToBe(By.id("state-name"), "Notify owner"));

        browser.navigate().back();
        await().until(ExpectedConditions.textToBe(By.id("state-name"), "Classify cook"));
        browser.navigate().forward();
        await().until(ExpectedConditions.textToBe(By.id("state-name"), "Notify owner"));
        assertThat(browser.getCurrentUrl()).contains("execution=").contains("state=Notify+owner");
    }

    @Test
    void stop_asks_first_and_only_a_yes_stops() throws Exception {
        openMachine("Held");
        assertThat(browser.findElement(By.id("test-case-row")).isDisplayed()).as("no mock test case to choose").isFalse();
        browser.findElement(By.id("input-json")).clear();
        browser.findElement(By.id("input-json")).sendKeys("{\"order\": \"o-3\"}");
        browser.findElement(By.id("execution-name-input")).sendKeys("to-stop");
        browser.findElement(By.id("start-button")).click();
        CompletableFuture<com.fasterxml.jackson.databind.JsonNode> held = tasks.nextHeld();
        await().until(ExpectedConditions.textToBe(By.cssSelector("#execution-status .badge"), "RUNNING"));

        click(By.id("stop-button"));
        org.openqa.selenium.Alert question = await().until(ExpectedConditions.alertIsPresent());
        assertThat(question.getText()).contains("Stop the execution to-stop?");
        question.dismiss();
        assertThat(textOf(By.cssSelector("#execution-status .badge"))).isEqualTo("RUNNING");

        click(By.id("stop-button"));
        await().until(ExpectedConditions.alertIsPresent()).accept();
        await().until(ExpectedConditions.textToBe(By.cssSelector("#execution-status .badge"), "ABORTED"));
        held.complete(appliance.engine.definition.Json.MAPPER.readTree("{\"count\": 1}"));
    }

    @Test
    void a_server_that_is_gone_is_named_on_the_page() {
        StepFunctionsServer doomed = StepFunctionsServer.start(ServerOptions.inMemory(0), tasks, Clock.systemUTC());
        doomed.registerStateMachine("Held", HELD, "STANDARD", tasks);
        browser.get(doomed.endpoint() + "/");
        await().until(ExpectedConditions.textToBe(By.id("start-machine"), "Held"));

        doomed.close();

        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("error-bar"), "does not answer"));
        assertThat(browser.findElement(By.id("error-bar")).getText()).contains("bin/appliance serve has stopped");
    }

    /** Starts an execution of CookWorkflow from the page's form: the preset sample, a mock test case, a name. */
    private static void startFromTheForm(String testCase, String name) {
        openMachine("CookWorkflow");
        new Select(browser.findElement(By.id("sample"))).selectByVisibleText("preset-ended-early.json");
        new Select(browser.findElement(By.id("test-case"))).selectByVisibleText(testCase);
        browser.findElement(By.id("execution-name-input")).sendKeys(name);
        browser.findElement(By.id("start-button")).click();
    }

    private static void openMachine(String name) {
        browser.get(server.endpoint() + "/");
        click(By.xpath("//ul[@id='machine-list']//button[contains(., '" + name + "')]"));
        await().until(ExpectedConditions.textToBe(By.id("start-machine"), name));
    }

    /** Starts an execution through the API, as another client (the CLI, an SDK) would. */
    private static String startFromOutside(String machine, String name, String input) throws Exception {
        String body = appliance.engine.definition.Json.MAPPER.createObjectNode()
                .put("stateMachineArn", "arn:aws:states:us-east-1:123456789012:stateMachine:" + machine)
                .put("name", name).put("input", input).toString();
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(server.endpoint())
                        .header("Content-Type", "application/x-amz-json-1.0")
                        .header("X-Amz-Target", "AWSStepFunctions.StartExecution")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return appliance.engine.definition.Json.MAPPER.readTree(response.body()).get("executionArn").asText();
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
