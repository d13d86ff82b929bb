package appliance.engine.graph;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A short, readable form of a Choice rule for a diagram's edge: {@code $.cook.outcome == "COMPLETED"}. */
final class ChoiceLabels {

    private static final Map<String, String> SYMBOLS = Map.ofEntries(
            Map.entry("Equals", "=="), Map.entry("LessThan", "<"), Map.entry("GreaterThan", ">"),
            Map.entry("LessThanEquals", "<="), Map.entry("GreaterThanEquals", ">="), Map.entry("Matches", "matches"));

    private ChoiceLabels() {
    }

    static String of(JsonNode rule) {
        if (rule.has("Condition")) {
            return rule.get("Condition").asText();
        }
        if (rule.has("And")) {
            return joined(rule.get("And"), " and ");
        }
        if (rule.has("Or")) {
            return joined(rule.get("Or"), " or ");
        }
        if (rule.has("Not")) {
            return "not (" + of(rule.get("Not")) + ")";
        }
        String variable = rule.path("Variable").asText("?");
        for (Map.Entry<String, JsonNode> field : rule.properties()) {
            String operator = field.getKey();
            if (operator.startsWith("Is")) {
                return variable + " " + operator + " " + field.getValue();
            }
            for (String family : List.of("String", "Numeric", "Boolean", "Timestamp")) {
                if (operator.startsWith(family)) {
                    return comparison(variable, operator.substring(family.length()), field.getValue());
                }
            }
        }
        return variable;
    }

    private static String comparison(String variable, String operator, JsonNode operand) {
        boolean againstPath = operator.endsWith("Path");
        String base = againstPath ? operator.substring(0, operator.length() - "Path".length()) : operator;
        String right = againstPath ? operand.asText() : operand.toString();
        return variable + " " + SYMBOLS.getOrDefault(base, base) + " " + right;
    }

    private static String joined(JsonNode rules, String separator) {
        List<String> parts = new ArrayList<>();
        rules.forEach(rule -> parts.add(of(rule)));
        return String.join(separator, parts);
    }
}
