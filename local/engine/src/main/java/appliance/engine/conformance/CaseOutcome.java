package appliance.engine.conformance;

import appliance.engine.history.HistoryEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * What the engine did with one case: the status, the output or the error and cause, and the execution's
 * history (empty when the case could not start).
 */
public record CaseOutcome(String status, JsonNode output, String error, String cause, List<HistoryEvent> history) {

    public CaseOutcome {
        history = List.copyOf(history);
    }

    /** An outcome with no history: the case never started. */
    public CaseOutcome(String status, JsonNode output, String error, String cause) {
        this(status, output, error, cause, List.of());
    }

    /** The result line: {@code {"name","status","output"}} or {@code {"name","status","error","cause"}}. */
    public ObjectNode toJson(String name) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("name", name);
        json.put("status", status);
        if ("SUCCEEDED".equals(status)) {
            json.set("output", output);
        } else {
            json.put("error", error);
            json.put("cause", cause);
        }
        return json;
    }

    /** The history line: {@code {"name", "events"}}, the events as GetExecutionHistory returns them. */
    public ObjectNode historyJson(String name) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("name", name);
        ArrayNode events = json.putArray("events");
        history.forEach(event -> events.add(event.toJson()));
        return json;
    }
}
