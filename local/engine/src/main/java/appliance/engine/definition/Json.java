package appliance.engine.definition;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The engine's one JSON writer: compact text as AWS writes JSON into history events and causes. */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    public static String compact(JsonNode node) {
        if (node == null) {
            return "null";
        }
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree could not be written", e);
        }
    }

    /** JSON equality where numbers compare by value, so {@code 1} equals {@code 1.0}; both values non-null. */
    public static boolean sameValue(JsonNode a, JsonNode b) {
        return sameValue(a, b, (x, y) -> false);
    }

    /**
     * {@link #sameValue(JsonNode, JsonNode)}, where {@code alsoSame} may first declare two values at any
     * depth the same (a placeholder that stands for any date-time, say).
     */
    public static boolean sameValue(JsonNode a, JsonNode b, java.util.function.BiPredicate<JsonNode, JsonNode> alsoSame) {
        if (alsoSame.test(a, b)) {
            return true;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!sameValue(a.get(i), b.get(i), alsoSame)) {
                    return false;
                }
            }
            return true;
        }
        if (a.isObject() && b.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (java.util.Map.Entry<String, JsonNode> field : a.properties()) {
                JsonNode other = b.get(field.getKey());
                if (other == null || !sameValue(field.getValue(), other, alsoSame)) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }
}
