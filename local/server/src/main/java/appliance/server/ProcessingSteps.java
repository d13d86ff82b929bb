package appliance.server;

import appliance.engine.definition.DataFlow;
import appliance.engine.definition.Json;
import appliance.engine.definition.MapState;
import appliance.engine.definition.ParallelState;
import appliance.engine.definition.PassState;
import appliance.engine.definition.State;
import appliance.engine.definition.TaskState;
import appliance.engine.path.DataScope;
import appliance.engine.path.VariableLookup;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.SplittableRandom;

/**
 * Each step of a JSONPath state's input and output processing, computed with the engine's own data-flow
 * records: {@code input}, {@code afterInputPath}, {@code afterParameters}, {@code result},
 * {@code afterResultSelector}, {@code afterResultPath}, each as JSON text (TestState's
 * {@code inspectionData}). Used by TestState and by the web debugger for each recorded state visit, so
 * the processing is written once.
 */
final class ProcessingSteps {

    private ProcessingSteps() {
    }

    /**
     * The steps as far as they get: a step that fails ends the list (its failure is the state's error),
     * and states with no result of their own (Choice, Wait, Succeed, Fail), or whose result is not known, stop after
     * Parameters.
     *
     * @param context the context object ({@code $$}) the state saw
     * @param variables the variables ({@code $name}) the state saw; null for none
     * @param taskResult the state's own result: a Task's answer, a Parallel's or Map's array of outputs;
     *     null when it has none
     */
    static ObjectNode of(State state, JsonNode input, ObjectNode context, VariableLookup variables, JsonNode taskResult) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("input", Json.compact(input));
        if (!(state.processing() instanceof DataFlow flow)) {
            return data; // A JSONata state (Arguments, Output): its steps are not shown yet.
        }
        SplittableRandom random = new SplittableRandom();
        try {
            JsonNode afterInputPath = flow.inputPath().select(new DataScope(input, context, variables));
            data.put("afterInputPath", Json.compact(afterInputPath));
            JsonNode afterParameters = flow.parameters() == null
                    ? afterInputPath
                    : flow.parameters().evaluate(new DataScope(afterInputPath, context, variables), random);
            data.put("afterParameters", Json.compact(afterParameters));
            JsonNode result;
            if (state instanceof PassState pass) {
                result = pass.result() != null ? pass.result() : afterParameters;
            } else if (state instanceof TaskState || state instanceof ParallelState || state instanceof MapState) {
                result = taskResult;
            } else {
                return data;
            }
            if (result == null) {
                return data;
            }
            data.put("result", Json.compact(result));
            JsonNode afterResultSelector = flow.resultSelector() == null
                    ? result
                    : flow.resultSelector().evaluate(new DataScope(result, context, variables), random);
            data.put("afterResultSelector", Json.compact(afterResultSelector));
            data.put("afterResultPath", Json.compact(flow.resultPath().apply(input, afterResultSelector)));
        } catch (RuntimeException e) {
            // The step's failure is the state's error; the steps before it are what there is to show.
        }
        return data;
    }
}
