package appliance.recorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import appliance.functions.testing.RecordingContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RecordCookHandlerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COOK = "{\"outcome\": \"EARLY_END_PRESET\", \"message\": \"User ended popcorn preset early\","
            + " \"appliance_id\": \"m1\", \"cook_secs\": 45, \"req_secs\": 90, \"remaining_secs\": 45, \"pre\": \"popcorn\"}";

    private final RecordingContext context = new RecordingContext("RecordCookFunction");

    private JsonNode record(String state) throws IOException {
        String request = "{\"execution_arn\": \"arn:aws:states:us-east-1:123456789012:execution:CookWorkflow:e1\","
                + " \"started_at\": \"2026-11-28T08:15:00Z\", \"state\": " + state + "}";
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        new RecordCookHandler().handleRequest(
                new ByteArrayInputStream(request.getBytes(StandardCharsets.UTF_8)), output, context);
        return JSON.readTree(output.toByteArray());
    }

    @Test
    void a_notified_cook_is_recorded_with_its_sns_message_id_and_logged_as_one_json_line() throws IOException {
        JsonNode record = record("{\"cook\": " + COOK + ", \"delivery\": {\"message_id\": \"msg-1\"}}");

        assertThat(record.get("record").asText()).isEqualTo("COOK");
        assertThat(record.get("outcome").asText()).isEqualTo("EARLY_END_PRESET");
        assertThat(record.get("message").asText()).isEqualTo("User ended popcorn preset early");
        assertThat(record.get("notification").asText()).isEqualTo("SENT");
        assertThat(record.get("notification_message_id").asText()).isEqualTo("msg-1");
        assertThat(record.get("execution_arn").asText()).endsWith(":e1");
        assertThat(context.logLines()).singleElement().satisfies(line -> assertThat(JSON.readTree(line)).isEqualTo(record));
    }

    @Test
    void a_completed_cook_needs_no_notification() throws IOException {
        JsonNode record = record("{\"cook\": {\"outcome\": \"COMPLETED\", \"message\": \"Custom cook time completed\"}}");

        assertThat(record.get("notification").asText()).isEqualTo("NOT_NEEDED");
        assertThat(record.has("notification_message_id")).isFalse();
    }

    @Test
    void a_failed_notification_is_recorded_with_its_error() throws IOException {
        JsonNode record = record("{\"cook\": " + COOK + ", \"notification_failure\":"
                + " {\"Error\": \"SNS.AuthorizationErrorException\", \"Cause\": \"Not authorized\"}}");

        assertThat(record.get("notification").asText()).isEqualTo("FAILED");
        assertThat(record.get("notification_error").asText()).isEqualTo("SNS.AuthorizationErrorException: Not authorized");
    }

    @Test
    void a_rejected_event_is_recorded_with_the_classifiers_message_as_its_cause() throws IOException {
        String lambdaError = JSON.writeValueAsString(JSON.createObjectNode()
                .put("errorMessage", "Invalid cook event: cook_secs is missing")
                .put("errorType", "appliance.classifier.InvalidCookEventException"));
        JsonNode record = record("{\"event\": {\"req_secs\": 90}, \"rejection\": {\"Error\":"
                + " \"appliance.classifier.InvalidCookEventException\", \"Cause\": " + JSON.writeValueAsString(lambdaError) + "}}");

        assertThat(record.get("record").asText()).isEqualTo("REJECTED");
        assertThat(record.get("error").asText()).isEqualTo("InvalidCookEvent");
        assertThat(record.get("cause").asText()).isEqualTo("Invalid cook event: cook_secs is missing");
        assertThat(record.get("event").get("req_secs").asInt()).isEqualTo(90);
    }

    @Test
    void a_plain_text_cause_is_kept_as_it_is() throws IOException {
        JsonNode record = record("{\"event\": {}, \"rejection\": {\"Error\": \"X\", \"Cause\": \"plain words\"}}");

        assertThat(record.get("cause").asText()).isEqualTo("plain words");
    }

    @Test
    void a_request_without_a_cook_or_a_rejection_is_refused_with_a_clear_message() {
        assertThatThrownBy(() -> record("{\"event\": {}}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("neither 'state.cook'");
    }
}
