package appliance.engine.history;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * One event as AWS's GetExecutionHistory returns it: {@code id} from 1, {@code previousEventId} (0 for
 * the first), {@code timestamp}, {@code type} such as {@code PassStateEntered}, and its details object
 * under AWS's field name such as {@code stateEnteredEventDetails} (both null for events without details).
 *
 * <p>The details are built when first asked for: they hold the state's input and output as JSON text,
 * and most executions are never looked at event by event, so the engine does not write that text
 * unless someone reads it. (The JSON trees they come from are never changed once made.)
 */
public final class HistoryEvent {

    private final long id;
    private final long previousEventId;
    private final Instant timestamp;
    private final String type;
    private final String detailsName;
    private Supplier<ObjectNode> detailsSource;
    private ObjectNode details;

    public HistoryEvent(long id, long previousEventId, Instant timestamp, String type, String detailsName,
            Supplier<ObjectNode> details) {
        this.id = id;
        this.previousEventId = previousEventId;
        this.timestamp = timestamp;
        this.type = type;
        this.detailsName = detailsName;
        this.detailsSource = details;
    }

    public long id() {
        return id;
    }

    public long previousEventId() {
        return previousEventId;
    }

    public Instant timestamp() {
        return timestamp;
    }

    public String type() {
        return type;
    }

    /** AWS's name for the details field, e.g. {@code stateEnteredEventDetails}; null when the event has none. */
    public String detailsName() {
        return detailsName;
    }

    /** The details object; null when the event has none. */
    public synchronized ObjectNode details() {
        if (details == null && detailsSource != null) {
            details = detailsSource.get();
            detailsSource = null;
        }
        return details;
    }

    /** The event in AWS's JSON shape (timestamp as ISO-8601 text). */
    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("id", id);
        json.put("previousEventId", previousEventId);
        json.put("timestamp", timestamp.toString());
        json.put("type", type);
        ObjectNode eventDetails = details();
        if (detailsName != null && eventDetails != null) {
            json.set(detailsName, eventDetails.deepCopy());
        }
        return json;
    }

    @Override
    public String toString() {
        return toJson().toString();
    }
}
