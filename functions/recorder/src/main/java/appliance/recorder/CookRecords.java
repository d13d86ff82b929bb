package appliance.recorder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns what an execution gathered into one flat record: a handled cook (with whether the owner was
 * notified) or a rejected event (with the problem, so the state machine's Fail state can name it).
 *
 * <p>Input: {@code {"execution_arn", "started_at", "state": {...}}}, where {@code state} is the
 * execution's data: {@code cook} (the classification) and, where they happened, {@code delivery} (the SNS
 * publish result), {@code notification_failure} or {@code rejection} (errors caught by the state machine,
 * as {@code {"Error", "Cause"}}).
 */
public final class CookRecords {

    /** The error name of a rejected event, as the workflow's Fail state reports it. */
    public static final String INVALID_COOK_EVENT = "InvalidCookEvent";

    private final ObjectMapper json;

    public CookRecords(ObjectMapper json) {
        this.json = json;
    }

    public ObjectNode recordOf(JsonNode input) {
        if (input == null || !input.isObject()) {
            throw new IllegalArgumentException("The recorder's input must be a JSON object with a 'state' field");
        }
        JsonNode state = input.path("state");
        ObjectNode record = json.createObjectNode();
        record.put("execution_arn", input.path("execution_arn").asText(null));
        record.put("started_at", input.path("started_at").asText(null));
        if (state.has("rejection")) {
            return rejected(record, state);
        }
        if (state.path("cook").isObject()) {
            return handled(record, state);
        }
        throw new IllegalArgumentException(
                "The recorder's input has neither 'state.cook' (a classified cook) nor 'state.rejection' (a rejected event)");
    }

    private ObjectNode handled(ObjectNode record, JsonNode state) {
        record.put("record", "COOK");
        record.setAll((ObjectNode) state.get("cook").deepCopy());
        if (state.has("notification_failure")) {
            record.put("notification", "FAILED");
            record.put("notification_error", describe(state.get("notification_failure")));
        } else if (state.has("delivery")) {
            record.put("notification", "SENT");
            record.put("notification_message_id", state.path("delivery").path("message_id").asText(null));
        } else {
            record.put("notification", "NOT_NEEDED");
        }
        return record;
    }

    private ObjectNode rejected(ObjectNode record, JsonNode state) {
        record.put("record", "REJECTED");
        record.put("error", INVALID_COOK_EVENT);
        record.put("cause", causeMessage(state.get("rejection")));
        record.set("event", state.path("event").deepCopy());
        return record;
    }

    /**
     * A Lambda error caught by Step Functions carries the function's error as a JSON string in its Cause
     * ({@code {"errorMessage", "errorType", "stackTrace"}}); the message alone is what a person needs.
     */
    private String causeMessage(JsonNode caught) {
        String cause = caught.path("Cause").asText("");
        try {
            JsonNode lambdaError = json.readTree(cause);
            if (lambdaError != null && lambdaError.path("errorMessage").isTextual()) {
                return lambdaError.get("errorMessage").textValue();
            }
        } catch (JsonProcessingException notJson) {
            // A cause that is plain text is already what a person needs.
        }
        return cause.isEmpty() ? caught.path("Error").asText("unknown error") : cause;
    }

    private String describe(JsonNode caught) {
        return caught.path("Error").asText("unknown error") + ": " + causeMessage(caught);
    }
}
