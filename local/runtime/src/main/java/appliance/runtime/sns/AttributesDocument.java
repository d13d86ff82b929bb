package appliance.runtime.sns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Message attributes as the JSON document a pattern matcher reads: a String is a JSON string, a Number
 * a JSON number (so numeric conditions apply to it and not to strings), a String.Array a JSON array
 * (a condition matches when any member matches), and Binary is left out: SNS filter policies ignore it.
 */
final class AttributesDocument {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AttributesDocument() {
    }

    static ObjectNode of(Map<String, SnsMessageAttribute> attributes) {
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        attributes.forEach((name, attribute) -> {
            if (attribute == null) {
                return;
            }
            String value = attribute.value();
            switch (baseType(attribute.dataType())) {
                case "Binary" -> {
                }
                case "Number" -> document.set(name, number(value));
                case "String.Array" -> document.set(name, array(value));
                default -> document.put(name, value);
            }
        });
        return document;
    }

    /** The type without its custom suffix: {@code Number.float} is a Number, {@code String.Array} stays itself. */
    static String baseType(String dataType) {
        if (dataType == null) {
            return "String";
        }
        if (dataType.startsWith("String.Array")) {
            return "String.Array";
        }
        int dot = dataType.indexOf('.');
        return dot < 0 ? dataType : dataType.substring(0, dot);
    }

    private static JsonNode number(String value) {
        try {
            return JsonNodeFactory.instance.numberNode(new BigDecimal(value.trim()));
        } catch (NumberFormatException | NullPointerException e) {
            // SNS refuses such a Publish; here the value simply cannot match a numeric condition.
            return JsonNodeFactory.instance.textNode(String.valueOf(value));
        }
    }

    private static JsonNode array(String value) {
        try {
            JsonNode parsed = value == null ? null : JSON.readTree(value);
            if (parsed != null && parsed.isArray()) {
                return parsed;
            }
        } catch (JsonProcessingException e) {
            // fall through: treated as a plain string, as it is not an array
        }
        return JsonNodeFactory.instance.textNode(String.valueOf(value));
    }
}
