package appliance.recorder;

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

class RecordCookHandlerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EXECUTION_ARN = "arn:aws:states:us-east-1:123456789012:execution:CookWorkflow:e1";
    private static final String COOK = "{\"outcome\": \"EARLY_END_PRESET\", \"message\": \"User ended popcorn preset early\","
            + " \"appliance_id\": \"m1\", \"cook_secs\": 45, \"req_secs\": 90, \"remaining_secs\": 45, \"pre\": \"popcorn\"}";

    private final LambdaTestContext context = new LambdaTestContext("RecordCookFunction");
    private List<JsonNode> logged = List.of();
    private List<JsonNode> metrics = List.of();

    private JsonNode record(String state) throws IOException {
        String request = "{\"execution_arn\": \"" + EXECUTION_ARN + "\","
                + " \"started_at\": \"2026-11-28T08:15:00Z\", \"state\": " + state + "}";
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (StandardOutput standardOutput = StandardOutput.capture()) {
            new RecordCookHandler().handleRequest(
                    new ByteArrayInputStream(request.getBytes(StandardCharsets.UTF_8)), output, context);
            logged = standardOutput.jsonLines().stream().filter(line -> line.has("level")).toList();
            metrics = standardOutput.metrics();
        }
        return JSON.readTree(output.toByteArray());
    }

    @Test
    void a_notified_cook_is_recorded_with_its_sns_message_id_and_logged_as_one_structured_line() throws IOException {
        JsonNode record = record("{\"cook\": " + COOK + ", \"delivery\": {\"message_id\": \"msg-1\"}}");

        assertThat(record.get("record").asText()).isEqualTo("COOK");
        assertThat(record.get("outcome").asText()).isEqualTo("EARLY_END_PRESET");
        assertThat(record.get("message").asText()).isEqualTo("User ended popcorn preset early");
        assertThat(record.get("notification").asText()).isEqualTo("SENT");
        assertThat(record.get("notification_message_id").asText()).isEqualTo("msg-1");
        assertThat(record.get("execution_arn").asText()).endsWith(":e1");
        assertThat(logged).singleElement().satisfies(line -> {
            assertThat(line.get("level").asText()).isEqualTo("INFO");
            assertThat(line.get("message").asText()).isEqualTo("Cook recorded");
            assertThat(line.get("cook_record")).isEqualTo(record);
            assertThat(line.get("correlation_id").asText()).isEqualTo(EXECUTION_ARN);
            assertThat(line.get("function_name").asText()).isEqualTo("RecordCookFunction");
        });
    }

    @Test
    void each_cook_is_counted_per_outcome_and_per_preset_in_the_embedded_metric_format() throws IOException {
        record("{\"cook\": " + COOK + ", \"delivery\": {\"message_id\": \"msg-1\"}}");

        assertThat(metrics).hasSize(2);
        JsonNode byPreset = metrics.get(0);
        assertThat(byPreset.get("CooksByPreset").asInt()).isEqualTo(1);
        assertThat(byPreset.get("preset").asText()).isEqualTo("popcorn");
        assertThat(byPreset.at("/_aws/CloudWatchMetrics/0/Namespace").asText()).isEqualTo("ApplianceCookWorkflow");
        JsonNode byOutcome = metrics.get(1);
        assertThat(byOutcome.get("Cooks").asInt()).isEqualTo(1);
        assertThat(byOutcome.get("outcome").asText()).isEqualTo("EARLY_END_PRESET");
        assertThat(byOutcome.at("/_aws/CloudWatchMetrics/0/Dimensions").toString()).contains("\"outcome\"");
        assertThat(byOutcome.at("/_aws/CloudWatchMetrics/0/Metrics/0/Unit").asText()).isEqualTo("Count");
    }

    @Test
    void a_rejected_event_is_counted_and_so_is_a_failed_notification() throws IOException {
        record("{\"event\": {}, \"rejection\": {\"Error\": \"X\", \"Cause\": \"plain words\"}}");
        assertThat(metrics).singleElement().satisfies(line -> assertThat(line.get("RejectedEvents").asInt()).isEqualTo(1));
        assertThat(logged).singleElement().satisfies(line ->
                assertThat(line.get("message").asText()).isEqualTo("Rejected event recorded"));

        record("{\"cook\": {\"outcome\": \"EARLY_END_CUSTOM\"}, \"notification_failure\": {\"Error\": \"SNS.X\"}}");
        assertThat(metrics).singleElement().satisfies(line -> {
            assertThat(line.get("Cooks").asInt()).isEqualTo(1);
            assertThat(line.get("NotificationsFailed").asInt()).isEqualTo(1);
        });
    }

    @Test
    void a_preset_name_with_spaces_is_counted_under_its_name_with_underscores() throws IOException {
        record("{\"cook\": {\"outcome\": \"EARLY_END_PRESET\", \"pre\": \" baked  potato\"}}");

        assertThat(metrics).first().satisfies(line -> assertThat(line.get("preset").asText()).isEqualTo("baked_potato"));
    }

    @Test
    void a_metric_that_cannot_be_written_is_a_warning_and_the_cook_is_still_recorded() throws IOException {
        JsonNode record = record("{\"cook\": {\"outcome\": \"EARLY_END_PRESET\", \"pre\": \"pop\u00e7orn\"}}");

        assertThat(record.get("record").asText()).isEqualTo("COOK");
        assertThat(logged).extracting(line -> line.get("message").asText()).containsExactly("Cook recorded", "Metrics not written");
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
