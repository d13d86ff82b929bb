package appliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** bin/appliance test: the project's mock test cases, each checked against test-cases.json. */
class TestCommandTest {

    private static String project(String relative) {
        return Path.of(System.getProperty("project.root")).resolve(relative).toString();
    }

    @Test
    void every_mock_test_case_of_the_workflow_passes() {
        CommandRun run = CommandRun.of("test", "--template", project("template.yaml"));

        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).contains("PresetEndedEarly", "CustomEndedEarly", "CookCompleted",
                "ClassifierThrottledThenSucceeds", "InvalidEvent", "NotificationFailed", "(retries: {Classify cook=2})");
        assertThat(run.out().lines().toList()).last().isEqualTo("6 passed, 0 failed");
    }

    @Test
    void one_test_case_can_be_run_alone() {
        CommandRun run = CommandRun.of("test", "--template", project("template.yaml"), "--test-case", "InvalidEvent");

        assertThat(run.out()).contains("InvalidEvent", "PASS", "FAILED InvalidCookEvent: Invalid cook event: cook_secs is missing")
                .doesNotContain("PresetEndedEarly");
        assertThat(run.out().lines().toList()).last().isEqualTo("1 passed, 0 failed");
    }

    @Test
    void a_run_that_differs_from_its_expectation_fails_and_says_how() throws Exception {
        Path expectations = Files.createTempFile("test-cases", ".json");
        Files.writeString(expectations, """
                {"TestCases": {"CookCompleted": {"inputFile": "events/cook-completed.json",
                  "expect": {"status": "SUCCEEDED", "output": {"outcome": "EARLY_END_PRESET"},
                             "path": ["Receive cook event", "Cook handled"]}}}}
                """);

        CommandRun run = CommandRun.of("test", "--template", project("template.yaml"), "--test-case", "CookCompleted",
                "--test-cases", expectations.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("FAIL", "! output.outcome is \"COMPLETED\", expected \"EARLY_END_PRESET\"", "! path is [");
        assertThat(run.out().lines().toList()).last().isEqualTo("0 passed, 1 failed");
    }

    @Test
    void an_unknown_test_case_is_named_with_the_ones_there_are() {
        CommandRun run = CommandRun.of("test", "--template", project("template.yaml"), "--test-case", "Nope");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no test case Nope in ", "PresetEndedEarly");
    }
}
