package appliance.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import appliance.functions.testing.RecordingContext;
import appliance.functions.testing.SampleEvents;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The handler over the project's own sample events, as a user runs them with bin/appliance invoke. */
class ClassifyCookHandlerTest {

    private final ClassifyCookHandler handler = new ClassifyCookHandler();
    private final RecordingContext context = new RecordingContext("ClassifyCookFunction");

    private JsonNode invoke(String sampleEvent) throws IOException {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(SampleEvents.bytes(sampleEvent)), output, context);
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
        JsonNode result = invoke(event);

        assertThat(result.get("outcome").asText()).isEqualTo(outcome);
        assertThat(result.get("message").asText()).isEqualTo(message);
        assertThat(context.logLines()).singleElement().asString().startsWith("Classified cook: ");
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
