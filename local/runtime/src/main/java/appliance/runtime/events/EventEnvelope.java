package appliance.runtime.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The event EventBridge builds from a PutEvents entry and delivers to rules and targets: version "0",
 * id, detail-type, source, account, time (UTC, whole seconds), region, resources, detail, in that order.
 */
public final class EventEnvelope {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private EventEnvelope() {
    }

    /**
     * @param receivedAt when EventBridge received the entry; the envelope's time when the entry has none
     * @throws IllegalArgumentException when the Detail is not a JSON object (PutEventsFile reports that per entry first)
     */
    public static ObjectNode of(PutEventsEntry entry, EventEnvironment environment, Instant receivedAt) {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("version", "0");
        event.put("id", environment.ids().get());
        event.put("detail-type", entry.detailType());
        event.put("source", entry.source());
        event.put("account", environment.accountId());
        event.put("time", format(entry.time().orElse(receivedAt)));
        event.put("region", environment.region());
        ArrayNode resources = event.putArray("resources");
        entry.resources().forEach(resources::add);
        try {
            event.set("detail", JSON.readTree(entry.detail()));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Detail is malformed: " + e.getOriginalMessage());
        }
        if (!event.get("detail").isObject()) {
            throw new IllegalArgumentException("Detail is malformed: it must be a JSON object");
        }
        return event;
    }

    /** EventBridge writes event times in UTC to the second. */
    public static String format(Instant time) {
        return TIME.format(time.truncatedTo(ChronoUnit.SECONDS));
    }
}
