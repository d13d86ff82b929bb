package appliance.engine.intrinsic;

import appliance.engine.definition.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;

/** The small JSON helpers the functions share: type names, value equality, text forms. */
final class JsonValues {

    static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonValues() {
    }

    /** A number without a fractional part that fits a long ({@code 2.0} counts, as JSON does not tell them apart). */
    static boolean isInteger(JsonNode value) {
        if (!value.isNumber() || !value.canConvertToLong()) {
            return false;
        }
        if (value.isIntegralNumber()) {
            return true;
        }
        BigDecimal decimal = value.decimalValue();
        return decimal.signum() == 0 || decimal.stripTrailingZeros().scale() <= 0;
    }

    /** An integer node as a JSON parser would make it: an int where it fits, else a long. */
    static JsonNode integer(long value) {
        return value == (int) value ? IntNode.valueOf((int) value) : LongNode.valueOf(value);
    }

    static String typeName(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return "null";
        }
        if (value.isTextual()) {
            return "string";
        }
        if (value.isNumber()) {
            return "number";
        }
        if (value.isBoolean()) {
            return "boolean";
        }
        return value.isArray() ? "array" : "object";
    }

    /** "the string \"a\"", "the number 1", ... for error messages. */
    static String describe(JsonNode value) {
        return typeName(value) + " " + abbreviate(compact(value));
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    static String compact(JsonNode value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            // A tree of JsonNodes always serialises; this keeps the signature clean.
            throw new IllegalStateException("A JSON tree could not be written", e);
        }
    }

    /** JSON equality where numbers compare by value, so {@code 1} equals {@code 1.0}. */
    static boolean sameValue(JsonNode a, JsonNode b) {
        return Json.sameValue(a, b);
    }

    /**
     * The text States.Format puts in for a value. AWS renders containers as Java's collections print
     * themselves ({@code {Arg1=1, Arg2=[]}}, {@code [1, 2]}), strings bare: the corpus records it so.
     */
    static String formatText(JsonNode value) {
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isArray()) {
            StringBuilder out = new StringBuilder("[");
            for (int i = 0; i < value.size(); i++) {
                out.append(i == 0 ? "" : ", ").append(formatText(value.get(i)));
            }
            return out.append(']').toString();
        }
        if (value.isObject()) {
            StringBuilder out = new StringBuilder("{");
            Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
            boolean first = true;
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                out.append(first ? "" : ", ").append(field.getKey()).append('=').append(formatText(field.getValue()));
                first = false;
            }
            return out.append('}').toString();
        }
        return compact(value);
    }
}
