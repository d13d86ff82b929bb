package appliance.engine.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** What the engine did with one case: the status, and the output or the error and cause. */
public record CaseOutcome(String status, JsonNode output, String error, String cause) {

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
}
