package appliance.server;

import appliance.engine.error.ErrorEquals;
import appliance.engine.definition.Catcher;
import appliance.engine.definition.DataFlow;
import appliance.engine.definition.ErrorHandling;
import appliance.engine.definition.MapState;
import appliance.engine.definition.ParallelState;
import appliance.engine.definition.Retrier;
import appliance.engine.definition.State;
import appliance.engine.definition.TaskState;
import appliance.engine.definition.Json;
import appliance.engine.error.ErrorNames;
import appliance.engine.path.DataScope;
import appliance.engine.path.VariableLookup;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What TestState answers for an error of the tested state, as AWS decides it: when a Retry takes the
 * error and it has been retried fewer than its MaxAttempts ({@code stateConfiguration.retrierRetryCount},
 * 0 unless given), RETRIABLE, with the retrier's index and the backoff the next attempt would wait;
 * otherwise, when a Catch takes it, CAUGHT_ERROR, with the catcher's index, its {@code Next} as
 * {@code nextState} and the error output placed by its ResultPath; otherwise FAILED. States.Runtime is
 * never retried nor caught.
 */
final class TestedError {

    private TestedError() {
    }

    /**
     * Fills in {@code response} (status, error, cause, nextState, output) and {@code inspection}'s
     * {@code errorDetails} and {@code variables}.
     */
    static void answer(State state, String error, String cause, JsonNode input, ObjectNode context,
            Map<String, JsonNode> variables, int retrierRetryCount, ObjectNode response, ObjectNode inspection) {
        if (error != null) {
            response.put("error", error);
        }
        if (cause != null) {
            response.put("cause", cause);
        }
        ErrorHandling handling = handling(state);
        boolean catchable = !ErrorNames.RUNTIME.equals(error);
        if (catchable) {
            List<Retrier> retriers = handling.retriers();
            for (int i = 0; i < retriers.size(); i++) {
                Retrier retrier = retriers.get(i);
                if (ErrorEquals.takes(retrier.errorEquals(), error)) {
                    if (retrierRetryCount < retrier.maxAttempts()) {
                        response.put("status", "RETRIABLE");
                        ObjectNode details = inspection.putObject("errorDetails");
                        details.put("retryIndex", i);
                        details.put("retryBackoffIntervalSeconds", backoff(retrier, retrierRetryCount));
                        return;
                    }
                    break; // AWS: the first retrier that takes the error decides; once spent, the Catch is next
                }
            }
            List<Catcher> catchers = handling.catchers();
            for (int i = 0; i < catchers.size(); i++) {
                Catcher catcher = catchers.get(i);
                if (ErrorEquals.takes(catcher.errorEquals(), error)) {
                    caught(catcher, i, error, cause, input, context, variables, response, inspection);
                    return;
                }
            }
        }
        response.put("status", "FAILED");
    }

    private static void caught(Catcher catcher, int index, String error, String cause, JsonNode input,
            ObjectNode context, Map<String, JsonNode> variables, ObjectNode response, ObjectNode inspection) {
        ObjectNode errorOutput = JsonNodeFactory.instance.objectNode();
        errorOutput.put("Error", error);
        if (cause != null) {
            errorOutput.put("Cause", cause);
        }
        JsonNode output = errorOutput;
        if (catcher.processing() instanceof DataFlow flow) {
            try {
                output = flow.resultPath().apply(input, errorOutput);
                if (flow.assign() != null) {
                    JsonNode assigned = flow.assign().evaluate(
                            new DataScope(errorOutput, context, variables::get), new SplittableRandom());
                    assigned.fields().forEachRemaining(field -> variables.put(field.getKey(), field.getValue()));
                }
            } catch (RuntimeException e) {
                response.put("status", "FAILED");
                response.put("error", ErrorNames.RUNTIME);
                response.put("cause", e.getMessage());
                return;
            }
        }
        response.put("status", "CAUGHT_ERROR");
        response.put("nextState", catcher.next());
        response.put("output", Json.compact(output));
        inspection.putObject("errorDetails").put("catchIndex", index);
    }

    /** IntervalSeconds × BackoffRate^retries, capped by MaxDelaySeconds (whole seconds, as AWS shows it). */
    static int backoff(Retrier retrier, int retries) {
        double seconds = retrier.intervalSeconds() * Math.pow(retrier.backoffRate(), retries);
        if (retrier.maxDelaySeconds() != null) {
            seconds = Math.min(seconds, retrier.maxDelaySeconds());
        }
        return (int) Math.min(Integer.MAX_VALUE, Math.round(seconds));
    }

    private static ErrorHandling handling(State state) {
        if (state instanceof TaskState task) {
            return task.errorHandling();
        }
        if (state instanceof ParallelState parallel) {
            return parallel.errorHandling();
        }
        if (state instanceof MapState map) {
            return map.errorHandling();
        }
        return ErrorHandling.NONE;
    }


    /** The variables as the engine's paths read them ({@code $name}). */
    static VariableLookup lookup(Map<String, JsonNode> variables) {
        return variables::get;
    }
}
