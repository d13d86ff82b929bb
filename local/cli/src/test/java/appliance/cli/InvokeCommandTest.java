package appliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** bin/appliance invoke over the project's template.yaml and sample events, as a user runs it. */
class InvokeCommandTest {

    private static String project(String relative) {
        return Path.of(System.getProperty("project.root")).resolve(relative).toString();
    }

    private static CommandRun invoke(String function, String event) {
        return CommandRun.of("invoke", "--quiet", "--template", project("template.yaml"), function, project("events/" + event));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            preset-ended-early.json             | EARLY_END_PRESET | User ended popcorn preset early
            custom-ended-early.json             | EARLY_END_CUSTOM | User ended custom cook time early
            cook-completed.json                 | COMPLETED        | defrost preset completed
            eventbridge-preset-ended-early.json | EARLY_END_PRESET | User ended baked potato preset early
            sns-custom-ended-early.json         | EARLY_END_CUSTOM | User ended custom cook time early
            """)
    void the_classifier_gives_the_seeds_messages_for_the_sample_events(String event, String outcome, String message)
            throws Exception {
        CommandRun run = invoke("ClassifyCookFunction", event);

        assertThat(run.exitCode()).isZero();
        JsonNode result = JsonFiles.JSON.readTree(run.out());
        assertThat(result.get("outcome").asText()).isEqualTo(outcome);
        assertThat(result.get("message").asText()).isEqualTo(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            bad-malformed-json.json             | the event is not valid JSON
            bad-missing-cook-secs.json          | cook_secs is missing
            bad-negative-seconds.json           | cook_secs must not be negative, got -5
            bad-non-numeric-seconds.json        | cook_secs must be a number of seconds
            bad-zero-req-secs.json              | req_secs must be greater than 0, got 0
            bad-preset-not-string.json          | pre must be a string
            bad-eventbridge-without-detail.json | detail is missing
            bad-sns-without-message.json        | Records[0].Sns.Message must be a JSON string
            """)
    void a_bad_event_prints_the_functions_error_type_and_message_and_exits_1(String event, String problem)
            throws Exception {
        CommandRun run = invoke("ClassifyCookFunction", event);

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode error = JsonFiles.JSON.readTree(run.out());
        assertThat(error.get("errorType").asText()).isEqualTo("appliance.classifier.InvalidCookEventException");
        assertThat(error.get("errorMessage").asText()).startsWith("Invalid cook event: ").contains(problem);
        assertThat(error.size()).isEqualTo(2);
    }

    @Test
    void the_functions_log_goes_to_stderr_framed_by_start_end_and_report() {
        CommandRun run = CommandRun.of("invoke", "--template", project("template.yaml"), "ClassifyCookFunction",
                project("events/cook-completed.json"));

        assertThat(run.err()).contains("START RequestId: ", "\"message\":\"Classified cook\"", "END RequestId: ", "REPORT RequestId: ",
                "Init Duration: ");
    }

    @Test
    void an_unknown_function_is_named_with_the_templates_functions() {
        CommandRun run = invoke("NoSuchFunction", "cook-completed.json");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no function NoSuchFunction in ", "ClassifyCookFunction, RecordCookFunction");
    }
}
