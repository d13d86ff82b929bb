package appliance.classifier;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;

/**
 * The classifier's answer: the outcome, the message for the owner, and the numbers it was decided on,
 * so that a record or a notification needs nothing else.
 */
public record Classification(CookOutcome outcome, String message, CookEvent event) {

    /** Numbers as given: no trailing zero of the appliance's seconds is dropped or added. */
    private static final JsonNodeFactory EXACT = JsonNodeFactory.withExactBigDecimals(true);

    /** The seconds the cook stopped short of the requested time (0 when it ran its full time or longer). */
    public BigDecimal remainingSecs() {
        return event.reqSecs().subtract(event.cookSecs()).max(BigDecimal.ZERO);
    }

    /**
     * The JSON the Lambda returns. Every field is always present (null where the event had none), so the
     * state machine can select fields without guarding against missing ones.
     */
    public ObjectNode toJson() {
        ObjectNode json = EXACT.objectNode();
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
