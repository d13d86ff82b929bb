package appliance.engine.history;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * One event as AWS's GetExecutionHistory returns it: {@code id} from 1, {@code previousEventId} (0 for
 * the first), {@code timestamp}, {@code type} such as {@code PassStateEntered}, and its details object
 * under AWS's field name such as {@code stateEnteredEventDetails} (both null for events without details).
 */
public record HistoryEvent(long id, long previousEventId, Instant timestamp, String type, String detailsName,
        ObjectNode details) {

    /** The event in AWS's JSON shape (timestamp as ISO-8601 text). */
    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("id", id);
        json.put("previousEventId", previousEventId);
        json.put("timestamp", timestamp.toString());
        json.put("type", type);
        if (detailsName != null) {
            json.set(detailsName, details.deepCopy());
        }
        return json;
    }
}
