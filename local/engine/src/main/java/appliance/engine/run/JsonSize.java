package appliance.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * The size in bytes of a value written as compact UTF-8 JSON, counted by walking it (nothing is
 * written out): variables are measured on every assignment, so this must cost little.
 */
final class JsonSize {

    private JsonSize() {
    }

    static long utf8Bytes(JsonNode node) {
        if (node.isTextual()) {
            return quoted(node.textValue());
        }
        if (node.isObject()) {
            long size = 2 + Math.max(0, node.size() - 1);
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                size += quoted(field.getKey()) + 1 + utf8Bytes(field.getValue());
            }
            return size;
        }
        if (node.isArray()) {
            long size = 2 + Math.max(0, node.size() - 1);
            for (int i = 0; i < node.size(); i++) {
                size += utf8Bytes(node.get(i));
            }
            return size;
        }
        return node.isNumber() ? node.asText().length() : node.isBoolean() ? (node.booleanValue() ? 4 : 5) : 4;
    }

    /** A string with its quotes and JSON escapes, in UTF-8. */
    private static long quoted(String text) {
        long size = 2;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\' || c == '\b' || c == '\f' || c == '\n' || c == '\r' || c == '\t') {
                size += 2;
            } else if (c < 0x20) {
                size += 6;
            } else if (c < 0x80) {
                size += 1;
            } else if (c < 0x800) {
                size += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                size += 4;
                i++;
            } else {
                size += 3;
            }
        }
        return size;
    }
}
