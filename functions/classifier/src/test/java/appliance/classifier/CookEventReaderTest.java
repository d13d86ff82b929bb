package appliance.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CookEventReaderTest {

    private final CookEventReader reader = new CookEventReader(new ObjectMapper());

    private CookEvent read(String json) {
        return reader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private void assertRejected(String json, String... problems) {
        assertThatThrownBy(() -> read(json))
                .isInstanceOf(InvalidCookEventException.class)
                .satisfies(e -> assertThat(((InvalidCookEventException) e).problems()).containsExactly(problems));
    }

    @Test
    void a_bare_event_is_read_as_it_is() {
        assertThat(read("{\"cook_secs\": 5, \"req_secs\": 10, \"pre\": \"tea\", \"appliance_id\": \"m1\"}"))
                .isEqualTo(new CookEvent("m1", 5, 10, "tea"));
    }

    @Test
    void an_eventbridge_envelope_is_read_from_its_detail() {
        assertThat(read("{\"detail-type\": \"Cook Ended\", \"source\": \"appliance.microwave\","
                + " \"detail\": {\"cook_secs\": 5, \"req_secs\": 10}}"))
                .isEqualTo(new CookEvent(null, 5, 10, null));
    }

    @Test
    void an_sns_envelope_is_read_from_the_json_string_of_its_record() {
        assertThat(read("{\"Records\": [{\"Sns\": {\"Message\": \"{\\\"cook_secs\\\": 10, \\\"req_secs\\\": 15}\"}}]}"))
                .isEqualTo(new CookEvent(null, 10, 15, null));
    }

    @Test
    void a_blank_preset_means_no_preset() {
        assertThat(read("{\"cook_secs\": 5, \"req_secs\": 10, \"pre\": \"  \"}").preset()).isNull();
        assertThat(read("{\"cook_secs\": 5, \"req_secs\": 10, \"pre\": null}").preset()).isNull();
    }

    @Test
    void seconds_are_numbers_fractions_included_kept_as_written() {
        CookEvent event = read("{\"cook_secs\": 45.5, \"req_secs\": 60}");

        assertThat(event.cookSecs()).hasToString("45.5");
        assertThat(event.reqSecs()).hasToString("60");
        assertThat(read("{\"cook_secs\": 5.0, \"req_secs\": 1e1}").cookSecs()).hasToString("5.0");
    }

    @Test
    void malformed_json_is_rejected_without_a_stack_trace() {
        assertThatThrownBy(() -> read("{\"cook_secs\": 5"))
                .isInstanceOf(InvalidCookEventException.class)
                .hasMessageStartingWith("Invalid cook event: the event is not valid JSON: ")
                .satisfies(e -> assertThat(e.getStackTrace()).isEmpty());
    }

    @Test
    void an_empty_event_is_rejected() {
        assertRejected("", "the event is empty");
    }

    @Test
    void every_field_problem_is_reported_at_once_each_naming_its_field() {
        assertRejected("{\"cook_secs\": \"ten\", \"req_secs\": -1, \"pre\": 7, \"appliance_id\": []}",
                "cook_secs must be a number of seconds, got a string (\"ten\")",
                "req_secs must not be negative, got -1",
                "pre must be a string, got a number (7)",
                "appliance_id must be a string, got an array");
    }

    @Test
    void missing_seconds_are_named() {
        assertRejected("{\"pre\": \"tea\"}", "cook_secs is missing", "req_secs is missing");
    }

    @Test
    void zero_requested_seconds_are_rejected() {
        assertRejected("{\"cook_secs\": 0, \"req_secs\": 0}", "req_secs must be greater than 0, got 0");
    }

    @Test
    void huge_seconds_are_rejected() {
        assertRejected("{\"cook_secs\": 1.5, \"req_secs\": 99999999999999999999}",
                "req_secs is too large, got 99999999999999999999");
    }

    @Test
    void negative_fractions_and_a_zero_request_written_with_a_fraction_are_rejected() {
        assertRejected("{\"cook_secs\": -0.5, \"req_secs\": 0.0}",
                "cook_secs must not be negative, got -0.5",
                "req_secs must be greater than 0, got 0.0");
    }

    @Test
    void an_event_that_is_not_an_object_is_rejected() {
        assertRejected("[1, 2]", "the event must be a JSON object, got an array");
        assertRejected("42", "the event must be a JSON object, got a number (42)");
    }

    @Test
    void envelopes_with_no_event_inside_are_rejected() {
        assertRejected("{\"detail-type\": \"Cook Ended\"}", "the EventBridge event has no cook event: detail is missing");
        assertRejected("{\"detail-type\": \"Cook Ended\", \"detail\": \"x\"}",
                "the EventBridge event's detail must be a JSON object, got a string (\"x\")");
        assertRejected("{\"Records\": []}", "the SNS event has no records: Records must be a non-empty array");
        assertRejected("{\"Records\": [{\"Sns\": {}}]}",
                "the SNS event has no cook event: Records[0].Sns.Message must be a JSON string");
        assertRejected("{\"Records\": [{}, {}]}", "the SNS event has 2 records; SNS delivers exactly one per invocation");
    }

    @Test
    void an_sns_message_that_is_not_json_is_rejected() {
        assertThatThrownBy(() -> read("{\"Records\": [{\"Sns\": {\"Message\": \"cook_secs=5\"}}]}"))
                .hasMessageStartingWith("Invalid cook event: Records[0].Sns.Message is not valid JSON: ");
    }
}
