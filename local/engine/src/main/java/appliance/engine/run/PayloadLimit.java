package appliance.engine.run;

import appliance.engine.definition.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * AWS's limit on a state's output: 256 KiB of UTF-8 JSON. Writing every output out just to measure it
 * would cost more than running most states, so a quick walk bounds the size from above first (every
 * character as a six-byte escape); only an output that might be over the limit is written and measured.
 */
final class PayloadLimit {

    static final int BYTES = 256 * 1024;

    private PayloadLimit() {
    }

    static boolean exceeded(JsonNode output) {
        if (upperBound(output) <= BYTES) {
            return false;
        }
        return Json.compact(output).getBytes(StandardCharsets.UTF_8).length > BYTES;
    }

    /** At least the UTF-8 size of the compact JSON; stops counting once past the limit. */
    private static long upperBound(JsonNode node) {
        if (node.isTextual()) {
            return 2 + 6L * node.textValue().length();
        }
        if (node.isNumber()) {
            return node.isIntegralNumber() && node.canConvertToLong() ? 20 : node.asText().length();
        }
        if (node.isObject()) {
            long size = 2;
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (size > BYTES) {
                    break;
                }
                size += 4 + 6L * field.getKey().length() + upperBound(field.getValue());
            }
            return size;
        }
        if (node.isArray()) {
            long size = 2;
            for (int i = 0; i < node.size() && size <= BYTES; i++) {
                size += 1 + upperBound(node.get(i));
            }
            return size;
        }
        return 5;
    }
}
