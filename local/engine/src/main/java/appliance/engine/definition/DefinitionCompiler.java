package appliance.engine.definition;

import appliance.engine.choice.ChoiceRule;
import appliance.engine.error.DefinitionProblems;
import appliance.engine.error.ErrorNames;
import appliance.engine.jsonata.JsonataSyntaxException;
import appliance.engine.jsonata.JsonataTemplate;
import appliance.engine.path.ReferencePath;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a definition's JSON into {@link StateMachineDefinition} records, collecting every problem
 * (each named by a JSON pointer into the definition) before failing, as AWS's validator does.
 */
final class DefinitionCompiler {

    private static final Set<String> COMMON = Set.of("Type", "Comment", "QueryLanguage");
    private static final Set<String> FLOW = Set.of("Next", "End");
    private static final Set<String> IO = Set.of("InputPath", "OutputPath");
    private static final Set<String> RESULT = Set.of("ResultPath", "ResultSelector", "Parameters", "Retry", "Catch");
    private static final Map<String, Set<String>> FIELDS = Map.of(
            "Pass", union(COMMON, FLOW, IO, Set.of("Parameters", "ResultPath", "Result", "Assign")),
            "Task", union(COMMON, FLOW, IO, RESULT, Set.of("Resource", "TimeoutSeconds", "TimeoutSecondsPath",
                    "HeartbeatSeconds", "HeartbeatSecondsPath", "Credentials", "Assign")),
            "Choice", union(COMMON, IO, Set.of("Choices", "Default", "Assign")),
            "Wait", union(COMMON, FLOW, IO, Set.of("Seconds", "SecondsPath", "Timestamp", "TimestampPath", "Assign")),
            "Succeed", union(COMMON, IO),
            "Fail", union(COMMON, Set.of("Error", "ErrorPath", "Cause", "CausePath")),
            "Parallel", union(COMMON, FLOW, IO, RESULT, Set.of("Branches", "Assign")),
            "Map", union(COMMON, FLOW, IO, RESULT, Set.of("ItemsPath", "ItemSelector", "ItemProcessor", "Iterator",
                    "MaxConcurrency", "MaxConcurrencyPath", "ToleratedFailureCount", "ToleratedFailureCountPath",
                    "ToleratedFailurePercentage", "ToleratedFailurePercentagePath", "ItemReader", "ItemBatcher",
                    "ResultWriter", "Label", "Assign")));

    /** What a JSONata state may have, by type: its JSONPath fields give way to Arguments and Output. */
    private static final Map<String, Set<String>> JSONATA_FIELDS = Map.of(
            "Pass", union(COMMON, FLOW, Set.of("Output", "Assign")),
            "Task", union(COMMON, FLOW, Set.of("Resource", "Arguments", "Output", "Assign", "Retry", "Catch",
                    "TimeoutSeconds", "HeartbeatSeconds", "Credentials")),
            "Choice", union(COMMON, Set.of("Choices", "Default", "Output", "Assign")),
            "Wait", union(COMMON, FLOW, Set.of("Seconds", "Timestamp", "Output", "Assign")),
            "Succeed", union(COMMON, Set.of("Output")),
            "Fail", union(COMMON, Set.of("Error", "Cause")),
            "Parallel", union(COMMON, FLOW, Set.of("Branches", "Arguments", "Output", "Assign", "Retry", "Catch")),
            "Map", union(COMMON, FLOW, Set.of("Items", "ItemSelector", "ItemProcessor", "Iterator", "MaxConcurrency",
                    "ToleratedFailureCount", "ToleratedFailurePercentage", "ItemReader", "ItemBatcher", "ResultWriter",
                    "Label", "Output", "Assign", "Retry", "Catch")));
    /** Fields a JSONata state may write as a {% %} expression, besides Arguments, Output, Assign and Items. */
    private static final Set<String> EXPRESSION_FIELDS = Set.of("TimeoutSeconds", "HeartbeatSeconds", "Seconds",
            "Timestamp", "MaxConcurrency", "ToleratedFailureCount", "ToleratedFailurePercentage", "Error", "Cause");
    /** Fields that are always JSONata templates in a JSONata state. */
    private static final Set<String> TEMPLATE_FIELDS = Set.of("Arguments", "Output", "Assign", "Items", "ItemSelector");

    /** Fields only a JSONata state has. */
    private static final Set<String> JSONATA_ONLY = Set.of("Arguments", "Output", "Items");

    private final DefinitionProblems problems = new DefinitionProblems();
    private QueryLanguage machineLanguage = QueryLanguage.JSONPATH;

    StateMachineDefinition compileMachine(JsonNode definition) {
        if (definition == null || !definition.isObject()) {
            problems.schema("The definition must be a JSON object", "/");
            problems.throwIfAny();
        }
        machineLanguage = language(definition, "", QueryLanguage.JSONPATH);
        StateMachineDefinition machine = compileStates(definition, "");
        if (definition.has("TimeoutSeconds") && !definition.get("TimeoutSeconds").canConvertToInt()) {
            problems.schema("The value for the field 'TimeoutSeconds' must be a positive integer", "/TimeoutSeconds");
        }
        problems.throwIfAny();
        Integer timeout = definition.has("TimeoutSeconds") ? definition.get("TimeoutSeconds").asInt() : null;
        return new StateMachineDefinition(machine.startAt(), machine.states(), timeout);
    }

    /**
     * The query language of a machine or state, as AWS resolves it: absent, {@code inherited}; exactly
     * "JSONPath", JSONPath; any other value (even "jsonpath", or a number) JSONata, reported when it is
     * not one of the two names.
     */
    private QueryLanguage language(JsonNode node, String at, QueryLanguage inherited) {
        JsonNode value = node.get("QueryLanguage");
        if (value == null) {
            return inherited;
        }
        if (!value.isTextual()) {
            problems.schema("Expected value of type [STRING]", at + "/QueryLanguage");
        } else if (QueryLanguage.named(value.textValue()) == null) {
            problems.schema("Value should be one of the following: [JSONPath, JSONata]", at + "/QueryLanguage");
        }
        return value.isTextual() && QueryLanguage.JSONPATH.text().equals(value.textValue())
                ? QueryLanguage.JSONPATH : QueryLanguage.JSONATA;
    }

    /** Compiles a StartAt + States block at {@code location} (empty for the top level). */
    StateMachineDefinition compileStates(JsonNode block, String location) {
        if (!location.isEmpty() && block.has("QueryLanguage")) {
            // A Map processor or Parallel branch takes the machine's language; only states may say otherwise.
            problems.schema("Field 'QueryLanguage' is not supported", location);
        }
        String startAt = block.path("StartAt").isTextual() ? block.get("StartAt").asText() : null;
        if (startAt == null) {
            problems.schema("These fields are required: [StartAt]", location.isEmpty() ? "/" : location);
        }
        JsonNode statesNode = block.get("States");
        Map<String, State> states = new LinkedHashMap<>();
        if (statesNode == null || !statesNode.isObject()) {
            problems.schema("These fields are required: [States]", location.isEmpty() ? "/" : location);
            return new StateMachineDefinition(startAt, states, null);
        }
        for (Map.Entry<String, JsonNode> entry : statesNode.properties()) {
            State state = compileState(entry.getKey(), entry.getValue(), location + "/States/" + entry.getKey());
            if (state != null) {
                states.put(entry.getKey(), state);
            }
        }
        if (startAt != null && !statesNode.has(startAt)) {
            problems.add(DefinitionProblems.MISSING_TRANSITION_TARGET, "Missing 'Next' target: " + startAt,
                    location + "/StartAt");
        }
        checkTransitions(statesNode, location);
        if (!hasTerminalState(statesNode)) {
            // AWS says this without a location, and then does not look for unreachable states.
            problems.add("MISSING_END_STATE", "Workflow has no terminal state", null);
        } else if (startAt != null && statesNode.has(startAt)) {
            checkReachability(startAt, statesNode, location);
        }
        return new StateMachineDefinition(startAt, states, null);
    }

    private void checkTransitions(JsonNode statesNode, String location) {
        for (Map.Entry<String, JsonNode> entry : statesNode.properties()) {
            String at = location + "/States/" + entry.getKey();
            for (Map.Entry<String, String> target : targets(entry.getValue(), at).entrySet()) {
                if (!statesNode.has(target.getValue())) {
                    problems.add(DefinitionProblems.MISSING_TRANSITION_TARGET,
                            "Missing 'Next' target: " + target.getValue(), target.getKey());
                }
            }
        }
    }

    /** Whether any state ends the block: End true, Succeed or Fail. */
    private static boolean hasTerminalState(JsonNode statesNode) {
        for (JsonNode state : statesNode) {
            String type = state.path("Type").asText("");
            if (state.path("End").asBoolean(false) || type.equals("Succeed") || type.equals("Fail")) {
                return true;
            }
        }
        return false;
    }

    private void checkReachability(String startAt, JsonNode statesNode, String location) {
        Set<String> reached = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(startAt));
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (!statesNode.has(name) || !reached.add(name)) {
                continue;
            }
            todo.addAll(targets(statesNode.get(name), "").values());
        }
        for (Iterator<String> it = statesNode.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!reached.contains(name)) {
                problems.add(DefinitionProblems.MISSING_TRANSITION_TARGET, "State \"" + name + "\" is not reachable.",
                        location + "/States/" + name);
            }
        }
    }

    /** Every state name this state can go to, keyed by the location that names it. */
    private static Map<String, String> targets(JsonNode state, String at) {
        Map<String, String> targets = new LinkedHashMap<>();
        if (state.path("Next").isTextual()) {
            targets.put(at + "/Next", state.get("Next").asText());
        }
        if (state.path("Default").isTextual()) {
            targets.put(at + "/Default", state.get("Default").asText());
        }
        int i = 0;
        for (JsonNode choice : state.path("Choices")) {
            if (choice.path("Next").isTextual()) {
                targets.put(at + "/Choices[" + i + "]/Next", choice.get("Next").asText());
            }
            i++;
        }
        i = 0;
        for (JsonNode catcher : state.path("Catch")) {
            if (catcher.path("Next").isTextual()) {
                targets.put(at + "/Catch[" + i + "]/Next", catcher.get("Next").asText());
            }
            i++;
        }
        return targets;
    }

    private State compileState(String name, JsonNode node, String at) {
        if (!node.isObject()) {
            problems.schema("A state must be a JSON object", at);
            return null;
        }
        String type = node.path("Type").asText(null);
        if (type == null || !FIELDS.containsKey(type)) {
            problems.schema("The value for the field 'Type' must be one of Pass, Task, Choice, Wait, Succeed, Fail, Parallel, Map", at + "/Type");
            return null;
        }
        QueryLanguage language = language(node, at, machineLanguage);
        boolean downgraded = language == QueryLanguage.JSONPATH && machineLanguage == QueryLanguage.JSONATA;
        if (downgraded) {
            // AWS lets a JSONata state sit in a JSONPath machine, not the reverse; and says only that.
            problems.schema("'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine", at);
        }
        if (language == QueryLanguage.JSONATA) {
            return new JsonataStateCompiler(this).compile(name, node, at, type);
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (JSONATA_ONLY.contains(field)) {
                if (!downgraded) {
                    problems.schema(otherLanguageField(QueryLanguage.JSONPATH, field), at);
                }
            } else if (!FIELDS.get(type).contains(field)) {
                problems.schema("Field '" + field + "' is not supported", at + "/" + field);
            }
        }
        DataFlow flow = dataFlow(node, at);
        return switch (type) {
            case "Pass" -> new PassState(name, transition(node, at), flow, node.get("Result"));
            case "Task" -> task(name, node, at, flow);
            case "Choice" -> choice(name, node, at, flow);
            case "Wait" -> waitState(name, node, at, flow);
            case "Succeed" -> new SucceedState(name, flow);
            case "Fail" -> fail(name, node, at, DataFlow.NONE);
            case "Parallel" -> parallel(name, node, at, flow);
            case "Map" -> map(name, node, at, flow);
            default -> throw new IllegalStateException("unreachable: " + type);
        };
    }

    /** AWS's words for a field of the other query language, reported at the state. */
    static String otherLanguageField(QueryLanguage stateLanguage, String field) {
        QueryLanguage other = stateLanguage == QueryLanguage.JSONPATH ? QueryLanguage.JSONATA : QueryLanguage.JSONPATH;
        return "The QueryLanguage is set to '" + stateLanguage.text() + "', but field '" + field
                + "' is only supported for the '" + other.text() + "' QueryLanguage";
    }

    /** The problems found so far; the JSONata state compiler adds to them. */
    DefinitionProblems problems() {
        return problems;
    }

    /** The fields a JSONata state of {@code type} may have. */
    static Set<String> jsonataFields(String type) {
        return JSONATA_FIELDS.get(type);
    }

    /**
     * The JSONata fields of a state, rule or catcher, compiled: Arguments, Output, Assign, Items and
     * ItemSelector always, the {@link #EXPRESSION_FIELDS} when written as {% %}, and the {@code extra} names.
     * {@code prefix} names the holder inside its state for causes and locations ({@code Catch[0]/}).
     */
    JsonataFlow jsonataFlow(JsonNode node, String stateAt, String prefix, Set<String> extra) {
        Map<String, JsonataTemplate> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String field = entry.getKey();
            boolean expression = EXPRESSION_FIELDS.contains(field) && JsonataTemplate.isExpression(entry.getValue());
            if (TEMPLATE_FIELDS.contains(field) || extra.contains(field) || expression) {
                JsonataTemplate template = jsonata(entry.getValue(), prefix + field, stateAt);
                if (template != null) {
                    fields.put(field, template);
                }
            }
        }
        return new JsonataFlow(fields);
    }

    JsonataTemplate jsonata(JsonNode value, String fieldName, String stateAt) {
        try {
            return JsonataTemplate.compile(value, fieldName);
        } catch (JsonataSyntaxException e) {
            problems.add(e.problemCode(), e.problemMessage(), stateAt + "/" + e.fieldPath());
            return null;
        }
    }

    Transition transition(JsonNode node, String at) {
        boolean end = node.path("End").asBoolean(false);
        boolean hasNext = node.has("Next");
        if (end && hasNext) {
            problems.schema("Only one of 'Next' or 'End' may be set", at);
        }
        if (!end && !hasNext) {
            problems.schema("One of 'Next' or 'End' is required", at);
        }
        if (hasNext && !node.get("Next").isTextual()) {
            problems.schema("The value for the field 'Next' must be a STRING", at + "/Next");
        }
        return hasNext ? new Transition(node.get("Next").asText()) : Transition.END;
    }

    private DataFlow dataFlow(JsonNode node, String at) {
        return new DataFlow(
                pathSelection(node, "InputPath", at),
                template(node.get("Parameters"), at + "/Parameters"),
                template(node.get("ResultSelector"), at + "/ResultSelector"),
                resultPath(node.get("ResultPath"), node.has("ResultPath"), at + "/ResultPath"),
                pathSelection(node, "OutputPath", at),
                template(node.get("Assign"), at + "/Assign"));
    }

    private PathSelection pathSelection(JsonNode node, String field, String at) {
        if (!node.has(field)) {
            return PathSelection.WHOLE;
        }
        JsonNode value = node.get(field);
        if (value.isNull()) {
            return PathSelection.DISCARD;
        }
        ReferencePath path = path(value, at + "/" + field, field);
        return path == null || "$".equals(path.text()) ? PathSelection.WHOLE : new PathSelection(path);
    }

    ReferencePath path(JsonNode value, String at, String field) {
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            problems.schema("The value for the field '" + field + "' must be a STRING", at);
            return null;
        }
        try {
            return ReferencePath.compile(value.asText());
        } catch (IllegalArgumentException e) {
            problems.schema("The value for the field '" + field + "' must be a valid JSONPath", at);
            return null;
        }
    }

    private ResultPathTarget resultPath(JsonNode value, boolean present, String at) {
        if (!present) {
            return ResultPathTarget.WHOLE;
        }
        if (value.isNull()) {
            return ResultPathTarget.DISCARD;
        }
        try {
            return ResultPathTarget.parse(value.isTextual() ? value.asText() : null);
        } catch (IllegalArgumentException e) {
            problems.schema(e.getMessage(), at);
            return ResultPathTarget.WHOLE;
        }
    }

    /** Compiles a payload template; null when absent. */
    PayloadTemplate template(JsonNode node, String at) {
        if (node == null) {
            return null;
        }
        if (node.isObject()) {
            List<PayloadTemplate.Field> fields = new ArrayList<>();
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                String key = entry.getKey();
                String fieldAt = at + "/" + key;
                if (key.endsWith(".$")) {
                    ValueExpression expression = expression(entry.getValue(), fieldAt, key);
                    if (expression != null) {
                        fields.add(new PayloadTemplate.Field(key.substring(0, key.length() - 2),
                                new PayloadTemplate.Dynamic(key, expression)));
                    }
                } else {
                    fields.add(new PayloadTemplate.Field(key, template(entry.getValue(), fieldAt)));
                }
            }
            return new PayloadTemplate.ObjectTemplate(fields);
        }
        if (node.isArray()) {
            List<PayloadTemplate> items = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                items.add(template(node.get(i), at + "[" + i + "]"));
            }
            return new PayloadTemplate.ArrayTemplate(items);
        }
        return new PayloadTemplate.Constant(node);
    }

    private ValueExpression expression(JsonNode value, String at, String field) {
        if (!value.isTextual()) {
            problems.schema("The value for the field '" + field + "' must be a STRING that contains a JSONPath or an intrinsic function", at);
            return null;
        }
        try {
            return ValueExpression.compile(value.asText());
        } catch (IllegalArgumentException e) {
            problems.schema("The value for the field '" + field + "' must be a valid JSONPath or a valid intrinsic function call", at);
            return null;
        }
    }

    TaskState task(String name, JsonNode node, String at, Processing flow) {
        String resource = node.path("Resource").asText(null);
        if (resource == null) {
            problems.schema("These fields are required: [Resource]", at);
        }
        boolean jsonata = flow instanceof JsonataFlow;
        return new TaskState(name, transition(node, at), flow, errorHandling(node, at, jsonata), resource,
                fixedPositiveInt(node, "TimeoutSeconds", at, jsonata), path(node.get("TimeoutSecondsPath"), at + "/TimeoutSecondsPath", "TimeoutSecondsPath"),
                fixedPositiveInt(node, "HeartbeatSeconds", at, jsonata), path(node.get("HeartbeatSecondsPath"), at + "/HeartbeatSecondsPath", "HeartbeatSecondsPath"));
    }

    /** A fixed positive integer field; null when absent or (in JSONata) written as an expression. */
    private Integer fixedPositiveInt(JsonNode node, String field, String at, boolean jsonata) {
        return jsonata && JsonataTemplate.isExpression(node.get(field)) ? null : positiveInt(node, field, at);
    }

    Integer positiveInt(JsonNode node, String field, String at) {
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < 1) {
            problems.schema("The value for the field '" + field + "' must be a positive integer", at + "/" + field);
            return null;
        }
        return value.asInt();
    }

    ErrorHandling errorHandling(JsonNode node, String at, boolean jsonata) {
        List<Retrier> retriers = new ArrayList<>();
        JsonNode retry = node.path("Retry");
        for (int i = 0; i < retry.size(); i++) {
            JsonNode r = retry.get(i);
            String rAt = at + "/Retry[" + i + "]";
            List<String> errors = errorEquals(r, rAt, i == retry.size() - 1);
            double backoff = r.path("BackoffRate").asDouble(2.0);
            if (backoff < 1.0) {
                problems.schema("The value for the field 'BackoffRate' must be greater than or equal to 1.0", rAt + "/BackoffRate");
            }
            int maxAttempts = r.path("MaxAttempts").asInt(3);
            if (maxAttempts < 0) {
                problems.schema("The value for the field 'MaxAttempts' must be a non-negative integer", rAt + "/MaxAttempts");
            }
            Integer maxDelay = r.has("MaxDelaySeconds") ? r.get("MaxDelaySeconds").asInt() : null;
            boolean jitter = "FULL".equals(r.path("JitterStrategy").asText("NONE"));
            retriers.add(new Retrier(errors, r.path("IntervalSeconds").asDouble(1.0), maxAttempts, backoff, maxDelay, jitter));
        }
        List<Catcher> catchers = new ArrayList<>();
        JsonNode catchNode = node.path("Catch");
        for (int i = 0; i < catchNode.size(); i++) {
            JsonNode c = catchNode.get(i);
            String cAt = at + "/Catch[" + i + "]";
            List<String> errors = errorEquals(c, cAt, i == catchNode.size() - 1);
            if (!c.path("Next").isTextual()) {
                problems.schema("These fields are required: [Next]", cAt);
            }
            String wrongField = jsonata ? "ResultPath" : "Output";
            if (c.has(wrongField)) {
                problems.schema(otherLanguageField(jsonata ? QueryLanguage.JSONATA : QueryLanguage.JSONPATH, wrongField), cAt);
            }
            Processing processing = jsonata
                    ? jsonataFlow(c, at, "Catch[" + i + "]/", Set.of())
                    : DataFlow.catching(resultPath(c.get("ResultPath"), c.has("ResultPath"), cAt + "/ResultPath"),
                            template(c.get("Assign"), cAt + "/Assign"));
            catchers.add(new Catcher(errors, c.path("Next").asText(null), processing));
        }
        return new ErrorHandling(retriers, catchers);
    }

    private List<String> errorEquals(JsonNode entry, String at, boolean last) {
        List<String> errors = new ArrayList<>();
        JsonNode list = entry.get("ErrorEquals");
        if (list == null || !list.isArray() || list.isEmpty()) {
            problems.schema("These fields are required: [ErrorEquals]", at);
            return errors;
        }
        for (JsonNode e : list) {
            errors.add(e.asText());
        }
        if (errors.contains(ErrorNames.ALL) && (errors.size() > 1 || !last)) {
            problems.schema("'States.ALL' must appear alone in the last ErrorEquals", at + "/ErrorEquals");
        }
        return errors;
    }

    private ChoiceState choice(String name, JsonNode node, String at, DataFlow flow) {
        return choiceState(name, node, at, flow, (entry, index, entryAt) -> {
            ObjectNode rule = entry.deepCopy();
            rule.remove(List.of("Next", "Assign", "Output", "Comment"));
            ChoiceRule compiled = ChoiceRule.compile(rule, entryAt, problems);
            // A null rule was invalid and reported; the definition will not compile.
            ChoiceCondition condition = compiled == null ? null : compiled::matches;
            PayloadTemplate assign = template(entry.get("Assign"), entryAt + "/Assign");
            return new ChoiceBranch(condition, entry.path("Next").asText(null),
                    assign == null ? null : DataFlow.assigning(assign));
        });
    }

    /** Compiles one rule of a Choice state in its query language's way. */
    @FunctionalInterface
    interface ChoiceRuleCompiler {
        ChoiceBranch compile(JsonNode rule, int index, String ruleAt);
    }

    /**
     * A Choice state of either query language: its Choices and each rule's Next are checked here, once;
     * the rule itself is compiled by the language's own compiler.
     */
    ChoiceState choiceState(String name, JsonNode node, String at, Processing flow, ChoiceRuleCompiler rules) {
        List<ChoiceBranch> branches = new ArrayList<>();
        JsonNode choices = node.get("Choices");
        if (choices == null || !choices.isArray() || choices.isEmpty()) {
            problems.schema("These fields are required: [Choices]", at);
        } else {
            for (int i = 0; i < choices.size(); i++) {
                JsonNode rule = choices.get(i);
                String ruleAt = at + "/Choices[" + i + "]";
                if (!rule.path("Next").isTextual()) {
                    problems.schema("These fields are required: [Next]", ruleAt);
                }
                branches.add(rules.compile(rule, i, ruleAt));
            }
        }
        return new ChoiceState(name, flow, branches, node.path("Default").asText(null));
    }

    WaitState waitState(String name, JsonNode node, String at, Processing flow) {
        int ways = 0;
        Long seconds = null;
        Instant timestamp = null;
        if (node.has("Seconds")) {
            ways++;
            if (JsonataTemplate.isExpression(node.get("Seconds")) && flow instanceof JsonataFlow) {
                // compiled into the JSONata fields
            } else if (!node.get("Seconds").isIntegralNumber() || node.get("Seconds").asLong() < 0) {
                problems.schema("The value for the field 'Seconds' must be a non-negative integer", at + "/Seconds");
            } else {
                seconds = node.get("Seconds").asLong();
            }
        }
        if (node.has("Timestamp")) {
            ways++;
            if (JsonataTemplate.isExpression(node.get("Timestamp")) && flow instanceof JsonataFlow) {
                // compiled into the JSONata fields
            } else try {
                timestamp = OffsetDateTime.parse(node.get("Timestamp").asText()).toInstant();
            } catch (DateTimeParseException e) {
                problems.schema("The value for the field 'Timestamp' must be a valid ISO-8601 timestamp", at + "/Timestamp");
            }
        }
        ReferencePath secondsPath = path(node.get("SecondsPath"), at + "/SecondsPath", "SecondsPath");
        ReferencePath timestampPath = path(node.get("TimestampPath"), at + "/TimestampPath", "TimestampPath");
        ways += (node.has("SecondsPath") ? 1 : 0) + (node.has("TimestampPath") ? 1 : 0);
        if (ways != 1) {
            problems.schema("Exactly one of 'Seconds', 'SecondsPath', 'Timestamp' or 'TimestampPath' is required", at);
        }
        return new WaitState(name, transition(node, at), flow, seconds, secondsPath, timestamp, timestampPath);
    }

    FailState fail(String name, JsonNode node, String at, Processing flow) {
        if (node.has("Error") && node.has("ErrorPath")) {
            problems.schema("Only one of 'Error' or 'ErrorPath' may be set", at);
        }
        if (node.has("Cause") && node.has("CausePath")) {
            problems.schema("Only one of 'Cause' or 'CausePath' may be set", at);
        }
        return new FailState(name, literalText(node, "Error"), optionalExpression(node, "ErrorPath", at),
                literalText(node, "Cause"), optionalExpression(node, "CausePath", at), flow);
    }

    /** A fixed Error or Cause; null when absent or written as a JSONata expression. */
    private static String literalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || JsonataTemplate.isExpression(value) ? null : value.asText(null);
    }

    private ValueExpression optionalExpression(JsonNode node, String field, String at) {
        return node.has(field) ? expression(node.get(field), at + "/" + field, field) : null;
    }

    ParallelState parallel(String name, JsonNode node, String at, Processing flow) {
        List<StateMachineDefinition> branches = new ArrayList<>();
        JsonNode list = node.get("Branches");
        if (list == null || !list.isArray() || list.isEmpty()) {
            problems.schema("These fields are required: [Branches]", at);
        } else {
            for (int i = 0; i < list.size(); i++) {
                branches.add(compileStates(list.get(i), at + "/Branches[" + i + "]"));
            }
        }
        return new ParallelState(name, transition(node, at), flow,
                errorHandling(node, at, flow instanceof JsonataFlow), branches);
    }

    MapState map(String name, JsonNode node, String at, Processing processing) {
        String processorField = node.has("ItemProcessor") ? "ItemProcessor" : "Iterator";
        JsonNode processorNode = node.get(processorField);
        StateMachineDefinition processor;
        if (processorNode == null || !processorNode.isObject()) {
            problems.schema("These fields are required: [ItemProcessor]", at);
            processor = new StateMachineDefinition(null, Map.of(), null);
        } else {
            processor = compileStates(processorNode, at + "/" + processorField);
        }
        boolean jsonata = processing instanceof JsonataFlow;
        PayloadTemplate itemSelector = null;
        Processing mapFlow = processing;
        if (processing instanceof DataFlow flow) {
            itemSelector = node.has("ItemSelector")
                    ? template(node.get("ItemSelector"), at + "/ItemSelector")
                    : flow.parameters();
            // For Map, Parameters is the older name of ItemSelector: it shapes each item, not the state input.
            mapFlow = new DataFlow(flow.inputPath(), null, flow.resultSelector(), flow.resultPath(),
                    flow.outputPath(), flow.assign());
        }
        int maxConcurrency = 0;
        if (node.has("MaxConcurrency") && !(jsonata && JsonataTemplate.isExpression(node.get("MaxConcurrency")))) {
            if (!node.get("MaxConcurrency").canConvertToInt() || node.get("MaxConcurrency").asInt() < 0) {
                problems.schema("The value for the field 'MaxConcurrency' must be a non-negative integer", at + "/MaxConcurrency");
            } else {
                maxConcurrency = node.get("MaxConcurrency").asInt();
            }
        }
        Integer toleratedCount = node.has("ToleratedFailureCount") && !JsonataTemplate.isExpression(node.get("ToleratedFailureCount"))
                ? node.get("ToleratedFailureCount").asInt() : null;
        Double toleratedPercentage = node.has("ToleratedFailurePercentage")
                && !JsonataTemplate.isExpression(node.get("ToleratedFailurePercentage"))
                ? node.get("ToleratedFailurePercentage").asDouble() : null;
        boolean distributed = processorNode != null
                && "DISTRIBUTED".equals(processorNode.path("ProcessorConfig").path("Mode").asText());
        DistributedMapFields distributedFields = new DistributedMapFields(this, node, at, jsonata);
        distributedFields.checkMode(distributed);
        String executionType = "EXPRESS".equals(processorNode == null ? null
                : processorNode.path("ProcessorConfig").path("ExecutionType").asText()) ? "EXPRESS" : "STANDARD";
        return new MapState(name, transition(node, at), mapFlow, errorHandling(node, at, jsonata),
                pathSelection(node, "ItemsPath", at), itemSelector, processor, maxConcurrency,
                path(node.get("MaxConcurrencyPath"), at + "/MaxConcurrencyPath", "MaxConcurrencyPath"),
                toleratedCount, path(node.get("ToleratedFailureCountPath"), at + "/ToleratedFailureCountPath", "ToleratedFailureCountPath"),
                toleratedPercentage, path(node.get("ToleratedFailurePercentagePath"), at + "/ToleratedFailurePercentagePath", "ToleratedFailurePercentagePath"),
                distributed, node.path("Label").isTextual() ? node.get("Label").asText() : null, executionType,
                distributedFields.itemReader(), distributedFields.itemBatcher(), distributedFields.resultWriter(),
                distributed ? Json.compact(processorNode) : null);
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new LinkedHashSet<>();
        for (Set<String> set : sets) {
            all.addAll(set);
        }
        return Set.copyOf(all);
    }
}
