package appliance.server;

import appliance.engine.history.HistoryEvent;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Set;

/** A history event as kept in the store and returned by GetExecutionHistory. */
record StoredEvent(long id, long previousEventId, Instant timestamp, String type, String detailsName,
        ObjectNode details) {

    /** The fields that carry execution data, left out when {@code includeExecutionData} is false. */
    private static final Set<String> DATA_FIELDS = Set.of("input", "output", "inputDetails", "outputDetails");

    static StoredEvent of(HistoryEvent event) {
        return new StoredEvent(event.id(), event.previousEventId(), event.timestamp(), event.type(),
                event.detailsName(), event.details());
    }

    ObjectNode toJson(boolean includeExecutionData) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("id", id);
        json.put("previousEventId", previousEventId);
        json.put("timestamp", EpochSeconds.of(timestamp));
        json.put("type", type);
        if (detailsName != null && details != null) {
            ObjectNode copy = details.deepCopy();
            if (!includeExecutionData) {
                copy.remove(DATA_FIELDS);
            }
            json.set(detailsName, copy);
        }
        return json;
    }
}
