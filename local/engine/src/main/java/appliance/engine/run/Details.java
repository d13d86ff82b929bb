package appliance.engine.run;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Small builders for the parts AWS repeats in many event details. */
final class Details {

    private Details() {
    }

    /** AWS's {@code inputDetails} / {@code outputDetails}: this engine never truncates. */
    static ObjectNode notTruncated() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("truncated", false);
        return node;
    }

    /** AWS leaves out an error or a cause that is null. */
    static void putErrorAndCause(ObjectNode details, String error, String cause) {
        if (error != null) {
            details.put("error", error);
        }
        if (cause != null) {
            details.put("cause", cause);
        }
    }
}
