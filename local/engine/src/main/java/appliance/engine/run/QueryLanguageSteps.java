package appliance.engine.run;

import appliance.engine.definition.Catcher;
import appliance.engine.definition.ChoiceBranch;
import appliance.engine.definition.JsonataFlow;
import appliance.engine.definition.PassState;
import appliance.engine.definition.Processing;
import appliance.engine.error.StatesFailure;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The steps of a state visit that depend on its query language: what input the state's work sees, how
 * its result becomes its output and variables, how a Choice rule is tested, how a caught error becomes
 * the output. One stateless strategy per language, picked from the state's {@link Processing} record;
 * everything else (Retry, Catch matching, events, limits) is shared in {@link StateRun}.
 */
sealed interface QueryLanguageSteps permits JsonPathSteps, JsonataSteps {

    static QueryLanguageSteps of(Processing processing) {
        return processing instanceof JsonataFlow ? JsonataSteps.INSTANCE : JsonPathSteps.INSTANCE;
    }

    /** The input the state's own work sees (JSONPath: InputPath and Parameters; JSONata: Arguments). */
    JsonNode effectiveInput(StateRun run);

    /** A Pass state: its fixed Result, its Parameters or its input goes on. */
    void pass(StateRun run, PassState state);

    /** The state's work produced {@code result}: shape the output, assign, then exit to {@code next}. */
    void succeed(StateRun run, JsonNode result, String next);

    /**
     * For states with no result of their own (Choice, Wait, Succeed): {@code input} goes on, shaped by the
     * state's fields and by those of the Choice rule that matched ({@code rule}, null when none).
     */
    void passThrough(StateRun run, JsonNode input, Processing rule, String next);

    /** Whether a Choice rule holds. */
    boolean matches(StateRun run, ChoiceBranch branch, JsonNode input);

    /** A Catcher took {@code failure}: the error output becomes the state's output. */
    void caught(StateRun run, Catcher catcher, StatesFailure failure);
}
