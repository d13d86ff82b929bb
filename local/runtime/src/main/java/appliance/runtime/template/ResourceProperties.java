package appliance.runtime.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Typed reads of one resource's resolved Properties. Each failure names the resource and the
 * property: {@code Resource X: property MemorySize must be a whole number, got "big"}.
 */
final class ResourceProperties {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String owner;
    private final JsonNode properties;
    /** For a nested map, its path and a dot ({@code Logging.}), so messages name the full property. */
    private final String prefix;

    /** @param owner the message prefix, e.g. {@code Resource ClassifyCookFunction} */
    ResourceProperties(String owner, JsonNode properties) {
        this(owner, properties, "");
    }

    private ResourceProperties(String owner, JsonNode properties, String prefix) {
        this.owner = owner;
        this.prefix = prefix;
        this.properties = properties == null || properties.isNull() ? JsonNodeFactory.instance.objectNode() : properties;
        if (!this.properties.isObject()) {
            throw new TemplateException(owner + ": " + (prefix.isEmpty() ? "Properties" : "property " + prefix.substring(0, prefix.length() - 1)) + " must be a map, got " + properties);
        }
    }

    String owner() {
        return owner;
    }

    JsonNode raw() {
        return properties;
    }

    boolean has(String name) {
        return properties.has(name) && !properties.get(name).isNull();
    }

    private String fail(String name, String problem) {
        throw new TemplateException(owner + ": property " + prefix + name + " " + problem);
    }

    String requiredText(String name) {
        return optionalText(name).orElseGet(() -> fail(name, "is missing"));
    }

    Optional<String> optionalText(String name) {
        JsonNode value = properties.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isValueNode()) {
            fail(name, "must be a string, got " + value);
        }
        return Optional.of(value.asText());
    }

    int intOr(String name, int defaultValue) {
        OptionalInt value = optionalInt(name);
        return value.isPresent() ? value.getAsInt() : defaultValue;
    }

    /** A whole number, written as a number or as a string of digits (which is what !Ref of a Number parameter gives). */
    OptionalInt optionalInt(String name) {
        JsonNode value = properties.get(name);
        if (value == null || value.isNull()) {
            return OptionalInt.empty();
        }
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            return OptionalInt.of(value.intValue());
        }
        if (value.isTextual()) {
            try {
                return OptionalInt.of(Integer.parseInt(value.asText().trim()));
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        fail(name, "must be a whole number, got " + value);
        return OptionalInt.empty();
    }

    boolean booleanOr(String name, boolean defaultValue) {
        JsonNode value = properties.get(name);
        if (value == null || value.isNull()) {
            return defaultValue;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isTextual() && (value.asText().equalsIgnoreCase("true") || value.asText().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(value.asText());
        }
        fail(name, "must be true or false, got " + value);
        return defaultValue;
    }

    /** A list of strings; a single string counts as a list of one. */
    List<String> stringList(String name, List<String> defaultValue) {
        JsonNode value = properties.get(name);
        if (value == null || value.isNull()) {
            return defaultValue;
        }
        List<String> list = new ArrayList<>();
        if (value.isValueNode()) {
            list.add(value.asText());
            return list;
        }
        if (!value.isArray()) {
            fail(name, "must be a list of strings, got " + value);
        }
        for (JsonNode member : value) {
            if (!member.isValueNode()) {
                fail(name, "must be a list of strings, got " + value);
            }
            list.add(member.asText());
        }
        return list;
    }

    /** A map of string values, for Environment.Variables and DefinitionSubstitutions. */
    Map<String, String> stringMap(JsonNode value, String name) {
        Map<String, String> map = new LinkedHashMap<>();
        if (value == null || value.isNull() || value.isMissingNode()) {
            return map;
        }
        if (!value.isObject()) {
            fail(name, "must be a map, got " + value);
        }
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            if (!entry.getValue().isValueNode() || entry.getValue().isNull()) {
                fail(name + "." + entry.getKey(), "must be a string, got " + entry.getValue());
            }
            map.put(entry.getKey(), entry.getValue().asText());
        }
        return map;
    }

    /** A JSON value written either as YAML/JSON structure or as a JSON string (FilterPolicy, EventPattern, ...). */
    Optional<JsonNode> jsonObject(String name) {
        JsonNode value = properties.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (value.isTextual()) {
            try {
                value = JSON.readTree(value.asText());
            } catch (JsonProcessingException e) {
                fail(name, "is not valid JSON: " + e.getOriginalMessage());
            }
        }
        if (value == null || !value.isObject()) {
            fail(name, "must be a JSON object, got " + value);
        }
        return Optional.of(value);
    }

    /** A nested map, e.g. Logging or Environment; an empty map when absent. */
    ResourceProperties nested(String name) {
        JsonNode value = properties.get(name);
        if (value != null && !value.isNull() && !value.isObject()) {
            fail(name, "must be a map, got " + value);
        }
        return new ResourceProperties(owner, value, prefix + name + ".");
    }
}
