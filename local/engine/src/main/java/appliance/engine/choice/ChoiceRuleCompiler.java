package appliance.engine.choice;

import appliance.engine.error.DefinitionProblems;
import appliance.engine.path.ReferencePath;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Turns the JSON of a Choice rule into a {@link ChoiceRule}, reporting every problem it finds (not
 * only the first) with the location of the field at fault.
 */
final class ChoiceRuleCompiler {

    /** Fields of a Choices element that belong to the Choice state's branch, not to the rule. */
    private static final Set<String> BRANCH_FIELDS = Set.of("Next", "Assign", "Output", "Comment");
    private static final Set<String> COMBINATORS = Set.of("And", "Or", "Not");

    private final DefinitionProblems problems;

    ChoiceRuleCompiler(DefinitionProblems problems) {
        this.problems = problems;
    }

    ChoiceRule compile(JsonNode rule, String location) {
        return compile(rule, location, false);
    }

    /** @param nested whether the rule sits inside And, Or or Not, where the specification forbids "Next" */
    private ChoiceRule compile(JsonNode rule, String location, boolean nested) {
        if (rule == null || !rule.isObject()) {
            problems.schema("A choice rule must be a JSON object", location);
            return null;
        }
        List<String> combinators = new ArrayList<>();
        List<String> operators = new ArrayList<>();
        boolean valid = true;
        Iterator<String> fields = rule.fieldNames();
        while (fields.hasNext()) {
            String field = fields.next();
            if (nested && field.equals("Next")) {
                problems.schema("The field 'Next' is not allowed in a choice rule nested in 'And', 'Or' or 'Not'",
                        location + "/Next");
                valid = false;
            } else if (COMBINATORS.contains(field)) {
                combinators.add(field);
            } else if (Operator.find(field) != null) {
                operators.add(field);
            } else if (!field.equals("Variable") && !BRANCH_FIELDS.contains(field)) {
                problems.schema("The field '" + field + "' is not supported by Step Functions", location + "/" + field);
                valid = false;
            }
        }
        if (!combinators.isEmpty()) {
            if (combinators.size() > 1 || !operators.isEmpty() || rule.has("Variable")) {
                problems.schema("A choice rule must have exactly one of 'And', 'Or', 'Not' or a comparison with"
                        + " 'Variable', but has " + describe(combinators, operators, rule.has("Variable")), location);
                return null;
            }
            ChoiceRule combined = combination(combinators.get(0), rule.get(combinators.get(0)), location);
            return valid ? combined : null;
        }
        ChoiceRule comparison = comparison(rule, operators, location);
        return valid ? comparison : null;
    }

    private static String describe(List<String> combinators, List<String> operators, boolean variable) {
        List<String> all = new ArrayList<>(combinators);
        all.addAll(operators);
        if (variable) {
            all.add("Variable");
        }
        return "'" + String.join("', '", all) + "'";
    }

    private ChoiceRule combination(String combinator, JsonNode value, String location) {
        String at = location + "/" + combinator;
        if (combinator.equals("Not")) {
            if (value == null || !value.isObject()) {
                problems.schema("The value for the field 'Not' must be a choice rule object", at);
                return null;
            }
            ChoiceRule inner = compile(value, at, true);
            return inner == null ? null : new NotRule(inner);
        }
        if (value == null || !value.isArray() || value.isEmpty()) {
            problems.schema("The value for the field '" + combinator + "' must be a non-empty array of choice rules", at);
            return null;
        }
        List<ChoiceRule> rules = new ArrayList<>();
        boolean valid = true;
        for (int i = 0; i < value.size(); i++) {
            ChoiceRule inner = compile(value.get(i), at + "/" + i, true);
            valid &= inner != null;
            rules.add(inner);
        }
        if (!valid) {
            return null;
        }
        return combinator.equals("And") ? new AndRule(rules) : new OrRule(rules);
    }

    private ChoiceRule comparison(JsonNode rule, List<String> operators, String location) {
        ReferencePath variable = variable(rule.get("Variable"), location);
        if (operators.isEmpty()) {
            problems.schema("A choice rule must have a comparison operator (such as 'StringEquals' or 'IsPresent')"
                    + " or one of 'And', 'Or', 'Not'", location);
            return null;
        }
        if (operators.size() > 1) {
            problems.schema("A choice rule must have exactly one comparison operator, but has '"
                    + String.join("', '", operators) + "'", location);
            return null;
        }
        String field = operators.get(0);
        Operator operator = Operator.find(field);
        boolean pathForm = !field.equals(operator.fieldName());
        JsonNode value = rule.get(field);
        String at = location + "/" + field;
        if (pathForm) {
            ReferencePath path = path(value, field, at);
            return variable == null || path == null ? null : build(operator, variable, new Operand.AtPath(path), null);
        }
        return literal(operator, variable, value, at);
    }

    private ReferencePath variable(JsonNode value, String location) {
        if (value == null) {
            problems.schema("The field 'Variable' is required", location);
            return null;
        }
        return path(value, "Variable", location + "/Variable");
    }

    private ReferencePath path(JsonNode value, String field, String at) {
        if (!value.isTextual()) {
            problems.schema("The value for the field '" + field + "' must be a STRING that contains a JSONPath", at);
            return null;
        }
        try {
            return ReferencePath.compile(value.textValue());
        } catch (IllegalArgumentException e) {
            problems.schema("The value for the field '" + field + "' must be a valid JSONPath: " + e.getMessage(), at);
            return null;
        }
    }

    private ChoiceRule literal(Operator operator, ReferencePath variable, JsonNode value, String at) {
        String field = operator.fieldName();
        switch (operator.family()) {
            case STRING, MATCH, TIMESTAMP -> {
                if (!value.isTextual()) {
                    return wrongType(field, "STRING", at);
                }
                if (operator.family() == Operator.Family.TIMESTAMP && Timestamps.parse(value.textValue()) == null) {
                    problems.schema("The value for the field '" + field + "' must be a valid timestamp, such as"
                            + " 2016-03-14T01:59:00Z, but was '" + value.textValue() + "'", at);
                    return null;
                }
            }
            case NUMERIC -> {
                if (!value.isNumber()) {
                    return wrongType(field, "NUMBER", at);
                }
            }
            case BOOLEAN, TYPE -> {
                if (!value.isBoolean()) {
                    return wrongType(field, "BOOLEAN", at);
                }
            }
        }
        if (variable == null) {
            return null;
        }
        if (operator.family() == Operator.Family.MATCH) {
            return new StringMatch(variable, WildcardPattern.compile(value.textValue()));
        }
        return build(operator, variable, new Operand.Literal(value), value);
    }

    private ChoiceRule wrongType(String field, String type, String at) {
        problems.schema("The value for the field '" + field + "' must be a " + type, at);
        return null;
    }

    private static ChoiceRule build(Operator operator, ReferencePath variable, Operand operand, JsonNode literal) {
        return switch (operator.family()) {
            case STRING -> new StringComparison(variable, operator.comparison(), operand);
            case NUMERIC -> new NumericComparison(variable, operator.comparison(), operand);
            case BOOLEAN -> new BooleanEquality(variable, operand);
            case TIMESTAMP -> new TimestampComparison(variable, operator.comparison(), operand);
            case TYPE -> new TypeTest(variable, operator.typeKind(), literal.booleanValue());
            case MATCH -> throw new IllegalStateException("StringMatches is built from its pattern");
        };
    }
}
