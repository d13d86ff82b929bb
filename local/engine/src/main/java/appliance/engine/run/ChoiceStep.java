package appliance.engine.run;

import appliance.engine.definition.ChoiceBranch;
import appliance.engine.definition.ChoiceState;
import appliance.engine.error.ErrorNames;
import appliance.engine.error.StatesFailure;
import com.fasterxml.jackson.databind.JsonNode;

/** Choice: the first matching rule (or Default) picks the next state; none at all is States.NoChoiceMatched. */
final class ChoiceStep {

    private ChoiceStep() {
    }

    static void run(StateRun run, ChoiceState state) {
        JsonNode input = run.effectiveInput();
        for (ChoiceBranch branch : state.branches()) {
            if (run.language.matches(run, branch, input)) {
                run.passThrough(input, branch.processing(), branch.next());
                return;
            }
        }
        if (state.defaultNext() != null) {
            run.passThrough(input, null, state.defaultNext());
            return;
        }
        throw new StatesFailure(ErrorNames.NO_CHOICE_MATCHED,
                "An error occurred while executing the state '" + state.name() + "' (entered at the event id #"
                        + run.enteredEventId() + "). No Choice rule matched and no Default state was specified.");
    }
}
