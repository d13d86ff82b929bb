package appliance.runtime.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventEnvelopeTest {

    static final EventEnvironment ENVIRONMENT = new EventEnvironment("123456789012", "us-east-1",
            Clock.fixed(Instant.parse("2026-11-28T10:15:30.750Z"), ZoneOffset.UTC), () -> "11111111-2222-3333-4444-555555555555");

    @Test
    void the_envelope_has_eventbridges_fields_in_its_order() {
        PutEventsEntry entry = new PutEventsEntry("appliance.microwave", "Cook Ended", "{\"cook_secs\": 10, \"pre\": \"popcorn\"}",
                null, List.of("arn:aws:iot:us-east-1:123456789012:thing/oven-1"), Optional.empty());
        assertThat(EventEnvelope.of(entry, ENVIRONMENT, ENVIRONMENT.clock().instant()).toString()).isEqualTo(
                "{\"version\":\"0\",\"id\":\"11111111-2222-3333-4444-555555555555\",\"detail-type\":\"Cook Ended\","
                        + "\"source\":\"appliance.microwave\",\"account\":\"123456789012\",\"time\":\"2026-11-28T10:15:30Z\","
                        + "\"region\":\"us-east-1\",\"resources\":[\"arn:aws:iot:us-east-1:123456789012:thing/oven-1\"],"
                        + "\"detail\":{\"cook_secs\":10,\"pre\":\"popcorn\"}}");
    }

    @Test
    void the_entrys_time_wins_over_the_receiving_time() {
        PutEventsEntry entry = new PutEventsEntry("s", "d", "{}", "default", List.of(), Optional.of(Instant.parse("2020-01-01T00:00:00.999Z")));
        assertThat(EventEnvelope.of(entry, ENVIRONMENT, ENVIRONMENT.clock().instant()).get("time").asText()).isEqualTo("2020-01-01T00:00:00Z");
    }

    @Test
    void a_detail_that_is_not_an_object_is_malformed() {
        PutEventsEntry entry = new PutEventsEntry("s", "d", "\"text\"", "default", List.of(), Optional.empty());
        assertThatThrownBy(() -> EventEnvelope.of(entry, ENVIRONMENT, Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Detail is malformed: it must be a JSON object");
    }
}
