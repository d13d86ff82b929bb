package appliance.runtime.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PutEventsFileTest {

    @Test
    void a_list_of_entries_reads_as_the_cli_sends_it() {
        List<PutEventsFile.ParsedEntry> entries = PutEventsFile.parse("""
                [{"Source": "appliance.microwave", "DetailType": "Cook Ended", "Detail": "{\\"cook_secs\\": 10}",
                  "EventBusName": "arn:aws:events:us-east-1:123456789012:event-bus/cooks", "Resources": ["arn:a"], "Time": "2026-01-02T03:04:05Z"}]
                """, "events.json");
        assertThat(entries).hasSize(1);
        PutEventsEntry entry = entries.get(0).entry().orElseThrow();
        assertThat(entry.source()).isEqualTo("appliance.microwave");
        assertThat(entry.detailType()).isEqualTo("Cook Ended");
        assertThat(entry.detail()).isEqualTo("{\"cook_secs\": 10}");
        assertThat(entry.busName()).isEqualTo("cooks");
        assertThat(entry.resources()).containsExactly("arn:a");
        assertThat(entry.time()).contains(Instant.parse("2026-01-02T03:04:05Z"));
    }

    @Test
    void the_entries_object_form_and_defaults() {
        PutEventsEntry entry = PutEventsFile.parse("{\"Entries\": [{\"Source\": \"s\", \"DetailType\": \"d\", \"Detail\": \"{}\", \"Time\": 1700000000}]}", "f")
                .get(0).entry().orElseThrow();
        assertThat(entry.eventBusName()).isEqualTo("default");
        assertThat(entry.busName()).isEqualTo("default");
        assertThat(entry.resources()).isEmpty();
        assertThat(entry.time()).contains(Instant.ofEpochSecond(1700000000));
    }

    @Test
    void each_bad_entry_gets_its_own_error_and_the_good_ones_stay() {
        List<PutEventsFile.ParsedEntry> entries = PutEventsFile.parse("""
                [{"Source": "s", "DetailType": "d", "Detail": "{}"},
                 {"DetailType": "d", "Detail": "{}"},
                 {"Source": "s", "DetailType": "d", "Detail": {"cook_secs": 10}},
                 {"Source": "s", "DetailType": "d", "Detail": "{nope"},
                 {"Source": "s", "DetailType": "d", "Detail": "[1]"},
                 {"Source": "s", "DetailType": "d", "Detail": "{}", "Time": "yesterday"},
                 {"Source": 3, "DetailType": "d", "Detail": "{}"},
                 "text"]
                """, "f");
        assertThat(entries).extracting(PutEventsFile.ParsedEntry::isValid).containsExactly(true, false, false, false, false, false, false, false);
        assertThat(entries.get(1).errorMessage()).contains("Entry 2: Source is missing");
        assertThat(entries.get(1).errorCode()).contains("InvalidArgument");
        assertThat(entries.get(2).errorCode()).contains("MalformedDetail");
        assertThat(entries.get(2).errorMessage().orElseThrow()).startsWith("Entry 3: Detail must be a string holding the event's JSON");
        assertThat(entries.get(3).errorMessage().orElseThrow()).startsWith("Entry 4: Detail is malformed: ");
        assertThat(entries.get(4).errorMessage()).contains("Entry 5: Detail is malformed: it must be a JSON object");
        assertThat(entries.get(5).errorMessage()).contains("Entry 6: Time \"yesterday\" is not an ISO 8601 timestamp or epoch seconds");
        assertThat(entries.get(6).errorMessage()).contains("Entry 7: Source must be a string, got 3");
        assertThat(entries.get(7).errorMessage().orElseThrow()).startsWith("Entry 8: must be an object");
    }

    @Test
    void a_file_that_is_not_a_list_of_entries_is_refused_whole() {
        assertThatThrownBy(() -> PutEventsFile.parse("{nope", "events.json"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("events.json: not valid JSON: ");
        assertThatThrownBy(() -> PutEventsFile.parse("{\"Source\": \"s\"}", "events.json"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("events.json: expected a list of entries");
        assertThatThrownBy(() -> PutEventsFile.parse("[]", "events.json"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("events.json: the list of entries is empty");
        String eleven = "[" + String.join(",", java.util.Collections.nCopies(11, "{\"Source\": \"s\", \"DetailType\": \"d\", \"Detail\": \"{}\"}")) + "]";
        assertThatThrownBy(() -> PutEventsFile.parse(eleven, "events.json"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("events.json: 11 entries; PutEvents takes at most 10 per request");
    }
}
