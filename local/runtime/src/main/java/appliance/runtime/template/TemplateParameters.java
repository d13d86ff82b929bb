package appliance.runtime.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The template's {@code Parameters} with their values: the override when given, else the Default.
 * Checks what CloudFormation checks before a deploy: a value exists, it is one of AllowedValues, it
 * matches AllowedPattern, a Number is a number. The value is what {@code !Ref} returns: a string, or
 * for list types a list of strings.
 */
final class TemplateParameters {

    private TemplateParameters() {
    }

    static Map<String, JsonNode> resolve(JsonNode parametersSection, Map<String, String> overrides) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        JsonNode section = parametersSection == null || parametersSection.isNull() ? JsonNodeFactory.instance.objectNode() : parametersSection;
        if (!section.isObject()) {
            throw new TemplateException("Parameters: must be a map of parameter names to declarations");
        }
        for (String key : overrides.keySet()) {
            if (!section.has(key)) {
                throw new TemplateException("Parameter override " + key + ": the template has no parameter " + key
                        + " (it declares: " + String.join(", ", names(section)) + ")");
            }
        }
        for (Map.Entry<String, JsonNode> entry : section.properties()) {
            values.put(entry.getKey(), valueOf(entry.getKey(), entry.getValue(), overrides.get(entry.getKey())));
        }
        return values;
    }

    private static List<String> names(JsonNode section) {
        List<String> names = new ArrayList<>();
        section.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode valueOf(String name, JsonNode declaration, String override) {
        String where = "Parameter " + name;
        if (!declaration.isObject()) {
            throw new TemplateException(where + ": must be a map with at least a Type");
        }
        String type = declaration.path("Type").asText("");
        if (type.isEmpty()) {
            throw new TemplateException(where + ": property Type is missing");
        }
        if (type.startsWith("AWS::SSM::Parameter::Value<") && override == null) {
            // CloudFormation reads such a value from SSM Parameter Store, which does not exist locally.
            throw new TemplateException(where + ": type " + type + " reads SSM Parameter Store, which the local runtime does not have;"
                    + " give the value itself with --parameter-overrides " + name + "=VALUE");
        }
        String value;
        if (override != null) {
            value = override;
        } else if (declaration.hasNonNull("Default")) {
            JsonNode defaultValue = declaration.get("Default");
            value = defaultValue.isArray() ? joinList(defaultValue) : defaultValue.asText();
        } else {
            throw new TemplateException(where + ": no value given and no Default (pass it as --parameter-overrides " + name + "=VALUE)");
        }
        checkAllowedValues(where, declaration.get("AllowedValues"), value);
        checkAllowedPattern(where, declaration.path("AllowedPattern").asText(null), value);
        checkLength(where, declaration, value);
        if (type.startsWith("List<") || type.equals("CommaDelimitedList")) {
            ArrayNode list = JsonNodeFactory.instance.arrayNode();
            if (!value.isEmpty()) {
                for (String part : value.split(",", -1)) {
                    // CloudFormation trims the spaces around each member of a comma-delimited list.
                    list.add(part.trim());
                }
            }
            if (type.equals("List<Number>")) {
                list.forEach(member -> requireNumber(where, member.asText()));
            }
            return list;
        }
        if (type.equals("Number")) {
            requireNumber(where, value);
            checkNumberRange(where, declaration, value);
        }
        return TextNode.valueOf(value);
    }

    private static String joinList(JsonNode list) {
        List<String> parts = new ArrayList<>();
        list.forEach(member -> parts.add(member.asText()));
        return String.join(",", parts);
    }

    private static void requireNumber(String where, String value) {
        try {
            new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            throw new TemplateException(where + ": value '" + value + "' is not a Number");
        }
    }

    private static void checkNumberRange(String where, JsonNode declaration, String value) {
        BigDecimal number = new BigDecimal(value.trim());
        if (declaration.has("MinValue") && number.compareTo(new BigDecimal(declaration.get("MinValue").asText())) < 0) {
            throw new TemplateException(where + ": value " + value + " is below MinValue " + declaration.get("MinValue").asText());
        }
        if (declaration.has("MaxValue") && number.compareTo(new BigDecimal(declaration.get("MaxValue").asText())) > 0) {
            throw new TemplateException(where + ": value " + value + " is above MaxValue " + declaration.get("MaxValue").asText());
        }
    }

    private static void checkAllowedValues(String where, JsonNode allowed, String value) {
        if (allowed == null || !allowed.isArray()) {
            return;
        }
        List<String> options = new ArrayList<>();
        allowed.forEach(option -> options.add(option.asText()));
        if (!options.contains(value)) {
            throw new TemplateException(where + ": value '" + value + "' is not one of the AllowedValues " + options);
        }
    }

    private static void checkAllowedPattern(String where, String pattern, String value) {
        if (pattern == null) {
            return;
        }
        boolean matches;
        try {
            matches = Pattern.compile(pattern).matcher(value).matches();
        } catch (PatternSyntaxException e) {
            throw new TemplateException(where + ": AllowedPattern '" + pattern + "' is not a valid regular expression");
        }
        if (!matches) {
            throw new TemplateException(where + ": value '" + value + "' does not match the AllowedPattern " + pattern);
        }
    }

    private static void checkLength(String where, JsonNode declaration, String value) {
        if (declaration.has("MinLength") && value.length() < declaration.get("MinLength").asInt()) {
            throw new TemplateException(where + ": value '" + value + "' is shorter than MinLength " + declaration.get("MinLength").asInt());
        }
        if (declaration.has("MaxLength") && value.length() > declaration.get("MaxLength").asInt()) {
            throw new TemplateException(where + ": value '" + value + "' is longer than MaxLength " + declaration.get("MaxLength").asInt());
        }
    }
}
