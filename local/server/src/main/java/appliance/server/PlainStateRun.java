package appliance.server;

import appliance.engine.definition.ChoiceBranch;
import appliance.engine.definition.ChoiceState;
import appliance.engine.definition.DataFlow;
import appliance.engine.definition.Json;
import appliance.engine.definition.PassState;
import appliance.engine.definition.PayloadTemplate;
import appliance.engine.definition.State;
import appliance.engine.error.ErrorNames;
import appliance.engine.error.StatesFailure;
import appliance.engine.path.DataScope;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * TestState of a JSONPath Pass or Choice state given a {@code context}: worked out step by step with that
 * context object ({@code $$}) and the request's variables, as the engine would run it (a run in the engine
 * sees the engine's own context object). Pass: InputPath, Parameters, Result, ResultPath, OutputPath,
 * Assign; Choice: InputPath, the first rule that holds (or Default), its Assign, OutputPath.
 */
final class PlainStateRun {

    private final State state;
    private final ObjectNode context;
    private final Map<String, JsonNode> variables = new LinkedHashMap<>();
    private final SplittableRandom random = new SplittableRandom();

    PlainStateRun(State state, TestStateOptions options, ObjectNode context) {
        this.state = state;
        this.context = context;
        if (options.variables() != null) {
            options.variables().fields().forEachRemaining(field -> variables.put(field.getKey(), field.getValue()));
        }
    }

    /** Whether this state is worked out here: a JSONPath Pass or Choice. */
    static boolean applies(State state) {
        return (state instanceof PassState || state instanceof ChoiceState) && state.processing() instanceof DataFlow;
    }

    ObjectNode run(JsonNode input, ObjectNode response) {
        ObjectNode data = ProcessingSteps.of(state, input, context, variables::get, null);
        DataFlow flow = (DataFlow) state.processing();
        try {
            JsonNode effective = flow.inputPath().select(scope(input));
            JsonNode placed;
            String next;
            if (state instanceof PassState pass) {
                JsonNode parameters = flow.parameters() == null ? effective
                        : flow.parameters().evaluate(scope(effective), random);
                JsonNode result = pass.result() != null ? pass.result() : parameters;
                assign(flow.assign(), result);
                placed = flow.resultPath().apply(input, result);
                next = pass.transition().isEnd() ? null : pass.transition().next();
            } else {
                ChoiceState choice = (ChoiceState) state;
                next = null;
                assign(flow.assign(), effective); // the state's own Assign; a matching rule's may override it
                for (ChoiceBranch branch : choice.branches()) {
                    if (branch.condition() != null && branch.condition().matches(scope(effective))) {
                        next = branch.next();
                        if (branch.processing() instanceof DataFlow rule) {
                            assign(rule.assign(), effective);
                        }
                        break;
                    }
                }
                if (next == null) {
                    next = choice.defaultNext();
                }
                if (next == null) {
                    throw new StatesFailure(ErrorNames.NO_CHOICE_MATCHED, "An error occurred while executing the state '"
                            + choice.name() + "'. No Choice rule matched and no Default state was specified.");
                }
                placed = effective;
            }
            response.put("status", "SUCCEEDED");
            response.put("output", Json.compact(flow.outputPath().select(scope(placed))));
            if (next != null) {
                response.put("nextState", next);
            }
        } catch (StatesFailure e) {
            response.put("status", "FAILED");
            response.put("error", e.error());
            if (e.cause() != null) {
                response.put("cause", e.cause());
            }
        } catch (RuntimeException e) {
            response.put("status", "FAILED");
            response.put("error", ErrorNames.RUNTIME);
            response.put("cause", String.valueOf(e.getMessage()));
        }
        if (!variables.isEmpty()) {
            ObjectNode json = JsonNodeFactory.instance.objectNode();
            variables.forEach(json::set);
            data.put("variables", Json.compact(json));
        }
        return data;
    }

    private void assign(PayloadTemplate assign, JsonNode data) {
        if (assign != null) {
            assign.evaluate(scope(data), random).fields()
                    .forEachRemaining(field -> variables.put(field.getKey(), field.getValue()));
        }
    }

    private DataScope scope(JsonNode data) {
        return new DataScope(data, context, variables::get);
    }
}
