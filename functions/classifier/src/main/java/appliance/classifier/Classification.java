package appliance.classifier;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The classifier's answer: the outcome, the message for the owner, and the numbers it was decided on,
 * so that a record or a notification needs nothing else.
 */
public record Classification(CookOutcome outcome, String message, CookEvent event) {

    public long remainingSecs() {
        return Math.max(0, event.reqSecs() - event.cookSecs());
    }

    /**
     * The JSON the Lambda returns. Every field is always present (null where the event had none), so the
     * state machine can select fields without guarding against missing ones.
     */
    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("outcome", outcome.name());
        json.put("message", message);
        json.put("appliance_id", event.applianceId());
        json.put("cook_secs", event.cookSecs());
        json.put("req_secs", event.reqSecs());
        json.put("remaining_secs", remainingSecs());
        json.put("pre", event.preset());
        return json;
    }
}
