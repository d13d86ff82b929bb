package appliance.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The handler over the project's own sample events, as a user runs them with bin/appliance invoke. */
class ClassifyCookHandlerTest {

    private final ClassifyCookHandler handler = new ClassifyCookHandler();
    private final LambdaTestContext context = new LambdaTestContext("ClassifyCookFunction");

    private JsonNode invoke(String sampleEvent) throws IOException {
        return invoke(SampleEvents.bytes(sampleEvent));
    }

    private JsonNode invoke(byte[] event) throws IOException {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), output, context);
        return new ObjectMapper().readTree(output.toByteArray());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            preset-ended-early.json             | EARLY_END_PRESET | User ended popcorn preset early
            custom-ended-early.json             | EARLY_END_CUSTOM | User ended custom cook time early
            cook-completed.json                 | COMPLETED        | defrost preset completed
            eventbridge-preset-ended-early.json | EARLY_END_PRESET | User ended baked potato preset early
            sns-custom-ended-early.json         | EARLY_END_CUSTOM | User ended custom cook time early
            """)
    void each_sample_event_gets_its_outcome_and_message(String event, String outcome, String message) throws IOException {
        JsonNode result;
        List<JsonNode> logged;
        try (StandardOutput output = StandardOutput.capture()) {
            result = invoke(event);
            logged = output.logged("Classified cook");
        }

        assertThat(result.get("outcome").asText()).isEqualTo(outcome);
        assertThat(result.get("message").asText()).isEqualTo(message);
        assertThat(logged).singleElement().satisfies(line -> {
            assertThat(line.get("level").asText()).isEqualTo("INFO");
            assertThat(line.get("function_name").asText()).isEqualTo("ClassifyCookFunction");
            assertThat(line.get("function_request_id").asText()).isEqualTo(context.getAwsRequestId());
            assertThat(line.get("cook")).isEqualTo(result);
        });
    }

    @Test
    void a_fractional_cook_time_short_of_the_request_is_an_early_end_kept_as_given() throws IOException {
        JsonNode result = invoke("{\"cook_secs\": 45.5, \"req_secs\": 60}".getBytes(StandardCharsets.UTF_8));

        assertThat(result.get("outcome").asText()).isEqualTo("EARLY_END_CUSTOM");
        assertThat(result.get("cook_secs").toString()).isEqualTo("45.5");
        assertThat(result.get("req_secs").toString()).isEqualTo("60");
        assertThat(result.get("remaining_secs").toString()).isEqualTo("14.5");
    }

    @Test
    void a_rejected_event_is_logged_as_a_warning_with_its_problems_as_fields() {
        List<JsonNode> logged;
        try (StandardOutput output = StandardOutput.capture()) {
            assertThatThrownBy(() -> invoke("bad-zero-req-secs.json")).isInstanceOf(InvalidCookEventException.class);
            logged = output.logged("Rejected cook event");
        }

        assertThat(logged).singleElement().satisfies(line -> {
            assertThat(line.get("level").asText()).isEqualTo("WARN");
            assertThat(line.get("problems").toString()).isEqualTo("[\"req_secs must be greater than 0, got 0\"]");
        });
    }

    static List<String> badEvents() {
        return SampleEvents.named("bad-");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badEvents")
    void each_bad_sample_event_gets_a_clear_typed_error(String event) {
        assertThatThrownBy(() -> invoke(event))
                .isInstanceOf(InvalidCookEventException.class)
                .hasMessageStartingWith("Invalid cook event: ")
                .hasMessageNotContaining("Exception")
                .hasMessageNotContaining("\tat ");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            bad-malformed-json.json             | the event is not valid JSON
            bad-missing-cook-secs.json          | cook_secs is missing
            bad-negative-seconds.json           | cook_secs must not be negative, got -5
            bad-non-numeric-seconds.json        | cook_secs must be a number of seconds
            bad-zero-req-secs.json              | req_secs must be greater than 0, got 0
            bad-preset-not-string.json          | pre must be a string, got a number (7)
            bad-eventbridge-without-detail.json | the EventBridge event has no cook event: detail is missing
            bad-sns-without-message.json        | Records[0].Sns.Message must be a JSON string
            """)
    void each_bad_sample_event_names_its_problem(String event, String problem) {
        assertThatThrownBy(() -> invoke(event)).hasMessageContaining(problem);
    }
}
