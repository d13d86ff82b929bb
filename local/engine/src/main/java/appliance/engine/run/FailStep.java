package appliance.engine.run;

import appliance.engine.definition.FailState;
import appliance.engine.definition.ValueExpression;
import appliance.engine.error.StatesFailure;
import appliance.engine.jsonata.JsonataTemplate;
import com.fasterxml.jackson.databind.JsonNode;

/** Fail: ends the branch with the state's error and cause, fixed or read from its input. */
final class FailStep {

    private FailStep() {
    }

    static void run(StateRun run, FailState state) {
        String error = state.errorPath() != null ? text(run, state.errorPath(), "ErrorPath") : state.error();
        String cause = state.causePath() != null ? text(run, state.causePath(), "CausePath") : state.cause();
        JsonataTemplate errorExpression = JsonataSteps.field(run, "Error");
        JsonataTemplate causeExpression = JsonataSteps.field(run, "Cause");
        if (errorExpression != null) {
            error = JsonataSteps.evaluate(run, () -> errorExpression.evaluateString(JsonataSteps.bindings(run)));
        }
        if (causeExpression != null) {
            cause = JsonataSteps.evaluate(run, () -> causeExpression.evaluateString(JsonataSteps.bindings(run)));
        }
        // A Fail state never retries nor catches: the branch ends with its failure.
        run.branch.finish(new Outcome.Failed(new StatesFailure(error, cause)));
    }

    private static String text(StateRun run, ValueExpression expression, String field) {
        JsonNode value = expression.evaluate(run.scope(run.rawInput), run.branch.execution.random);
        if (value == null) {
            throw new appliance.engine.definition.DataFlowException("Invalid path '" + expression.text()
                    + "' : No results for path: " + expression.text());
        }
        if (!value.isTextual()) {
            throw new appliance.engine.definition.DataFlowException("The " + field + " '" + expression.text()
                    + "' does not reference a string value");
        }
        return value.asText();
    }
}
