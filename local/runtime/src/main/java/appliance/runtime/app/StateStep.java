package appliance.runtime.app;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;

/**
 * One state an execution went through, for a person: its name and type, when it started, how long it
 * took, and a short word on what came of it.
 *
 * @param status SUCCEEDED, FAILED (the error stopped there), CAUGHT (a Catch took it on), or RUNNING
 * @param retries how often its task was called again after the first call (0 for states without a task)
 */
public record StateStep(String name, String type, Instant enteredAt, Duration duration, String status, String summary,
                        int retries) {

    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("name", name);
        json.put("type", type);
        json.put("enteredAt", enteredAt.toString());
        json.put("durationMs", duration.toMillis());
        json.put("status", status);
        json.put("summary", summary);
        json.put("retries", retries);
        return json;
    }
}
