package appliance.engine.run;

import appliance.engine.definition.Catcher;
import appliance.engine.definition.ChoiceBranch;
import appliance.engine.definition.DataFlow;
import appliance.engine.definition.PassState;
import appliance.engine.definition.PathSelection;
import appliance.engine.definition.PayloadTemplate;
import appliance.engine.definition.Processing;
import appliance.engine.error.StatesFailure;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/**
 * JSONPath processing, in the order AWS applies it: InputPath, Parameters, (the state's work),
 * ResultSelector, Assign, ResultPath, OutputPath.
 */
final class JsonPathSteps implements QueryLanguageSteps {

    static final JsonPathSteps INSTANCE = new JsonPathSteps();

    private JsonPathSteps() {
    }

    private static DataFlow flow(StateRun run) {
        return (DataFlow) run.state.processing();
    }

    @Override
    public JsonNode effectiveInput(StateRun run) {
        DataFlow flow = flow(run);
        JsonNode selected = select(run, flow.inputPath(), run.rawInput);
        if (flow.parameters() == null) {
            return selected;
        }
        return flow.parameters().evaluate(run.scope(selected), run.branch.execution.random);
    }

    @Override
    public void pass(StateRun run, PassState state) {
        // InputPath and Parameters apply (and can fail) even when a fixed Result replaces their outcome.
        JsonNode input = effectiveInput(run);
        succeed(run, state.result() != null ? state.result().deepCopy() : input, state.transition().next());
    }

    @Override
    public void succeed(StateRun run, JsonNode result, String next) {
        DataFlow flow = flow(run);
        JsonNode selected = flow.resultSelector() == null
                ? result
                : flow.resultSelector().evaluate(run.scope(result), run.branch.execution.random);
        Map<String, JsonNode> assigned = evaluateAssign(run, flow.assign(), selected);
        JsonNode combined = flow.resultPath().apply(run.rawInput, selected);
        JsonNode output = select(run, flow.outputPath(), combined);
        run.exit(output, assigned, next);
    }

    @Override
    public void passThrough(StateRun run, JsonNode input, Processing rule, String next) {
        DataFlow flow = flow(run);
        Map<String, JsonNode> assigned = evaluateAssign(run, flow.assign(), input);
        if (rule instanceof DataFlow ruleFlow && ruleFlow.assign() != null) {
            assigned = new HashMap<>(assigned);
            assigned.putAll(evaluateAssign(run, ruleFlow.assign(), input));
        }
        JsonNode output = select(run, flow.outputPath(), input);
        run.exit(output, assigned, next);
    }

    @Override
    public boolean matches(StateRun run, ChoiceBranch branch, JsonNode input) {
        return branch.condition().matches(run.scope(input));
    }

    @Override
    public void caught(StateRun run, Catcher catcher, StatesFailure failure) {
        DataFlow flow = (DataFlow) catcher.processing();
        JsonNode errorOutput = StateRun.errorOutput(failure);
        Map<String, JsonNode> assigned = evaluateAssign(run, flow.assign(), errorOutput);
        JsonNode output = flow.resultPath().apply(run.rawInput, errorOutput);
        run.exit(output, assigned, catcher.next());
    }

    /** A path selection; the default {@code $} needs no scope at all. */
    private static JsonNode select(StateRun run, PathSelection selection, JsonNode data) {
        return selection == PathSelection.WHOLE ? data : selection.select(run.scope(data));
    }

    private static Map<String, JsonNode> evaluateAssign(StateRun run, PayloadTemplate assign, JsonNode data) {
        if (assign == null) {
            return Map.of();
        }
        Map<String, JsonNode> values = new HashMap<>();
        JsonNode evaluated = assign.evaluate(run.scope(data), run.branch.execution.random);
        for (Map.Entry<String, JsonNode> entry : evaluated.properties()) {
            values.put(entry.getKey(), entry.getValue());
        }
        return values;
    }
}
