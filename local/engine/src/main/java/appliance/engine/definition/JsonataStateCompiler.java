package appliance.engine.definition;

import appliance.engine.error.DefinitionProblems;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Compiles one state whose query language is JSONata: checks its fields (the JSONPath ones do not belong),
 * compiles every JSONata field once into a {@link JsonataFlow}, and builds the same state records the
 * JSONPath states use, so the interpreter runs both alike.
 */
final class JsonataStateCompiler {

    /** Fields only a JSONPath state has, in the order their problems are reported. */
    private static final List<String> JSONPATH_ONLY = List.of("InputPath", "OutputPath", "ResultPath", "Parameters",
            "ResultSelector", "Result", "ItemsPath", "SecondsPath", "TimestampPath", "TimeoutSecondsPath",
            "HeartbeatSecondsPath", "MaxConcurrencyPath", "ToleratedFailureCountPath", "ToleratedFailurePercentagePath",
            "ErrorPath", "CausePath");

    private final DefinitionCompiler compiler;
    private final DefinitionProblems problems;

    JsonataStateCompiler(DefinitionCompiler compiler) {
        this.compiler = compiler;
        this.problems = compiler.problems();
    }

    State compile(String name, JsonNode node, String at, String type) {
        for (String field : JSONPATH_ONLY) {
            if (node.has(field)) {
                problems.schema(DefinitionCompiler.otherLanguageField(QueryLanguage.JSONATA, field), at);
            }
        }
        Set<String> allowed = DefinitionCompiler.jsonataFields(type);
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!JSONPATH_ONLY.contains(field) && !allowed.contains(field)) {
                problems.schema("Field '" + field + "' is not supported", at + "/" + field);
            }
        }
        JsonataFlow flow = compiler.jsonataFlow(node, at, "", Set.of());
        if (flow.assign() != null && !node.get("Assign").isObject()) {
            problems.schema("The value for the field 'Assign' must be an OBJECT", at + "/Assign");
        }
        return switch (type) {
            case "Pass" -> new PassState(name, compiler.transition(node, at), flow, null);
            case "Task" -> compiler.task(name, node, at, flow);
            case "Choice" -> choice(name, node, at, flow);
            case "Wait" -> compiler.waitState(name, node, at, flow);
            case "Succeed" -> new SucceedState(name, flow);
            case "Fail" -> compiler.fail(name, node, at, flow);
            case "Parallel" -> compiler.parallel(name, node, at, flow);
            case "Map" -> compiler.map(name, node, at, flow);
            default -> throw new IllegalStateException("unreachable: " + type);
        };
    }

    /** Each rule is a {@code Condition} expression with its own Next, and optionally Assign and Output. */
    private ChoiceState choice(String name, JsonNode node, String at, JsonataFlow flow) {
        return compiler.choiceState(name, node, at, flow, (rule, index, ruleAt) -> {
            if (!rule.has("Condition")) {
                problems.schema("These fields are required: [Condition]", ruleAt);
            }
            for (Iterator<String> it = rule.fieldNames(); it.hasNext(); ) {
                String field = it.next();
                if (!Set.of("Condition", "Next", "Assign", "Output", "Comment").contains(field)) {
                    problems.schema("Field '" + field + "' is not supported", ruleAt + "/" + field);
                }
            }
            return new ChoiceBranch(null, rule.path("Next").asText(null),
                    compiler.jsonataFlow(rule, at, "Choices[" + index + "]/", Set.of("Condition")));
        });
    }
}
