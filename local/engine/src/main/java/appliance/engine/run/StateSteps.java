package appliance.engine.run;

import appliance.engine.definition.ChoiceState;
import appliance.engine.definition.FailState;
import appliance.engine.definition.MapState;
import appliance.engine.definition.ParallelState;
import appliance.engine.definition.PassState;
import appliance.engine.definition.SucceedState;
import appliance.engine.definition.TaskState;
import appliance.engine.definition.WaitState;

/** Dispatches a state's own work to the class for its type. */
final class StateSteps {

    private StateSteps() {
    }

    static void run(StateRun run) {
        if (run.state instanceof PassState pass) {
            run.language.pass(run, pass);
        } else if (run.state instanceof TaskState task) {
            TaskStep.run(run, task);
        } else if (run.state instanceof ChoiceState choice) {
            ChoiceStep.run(run, choice);
        } else if (run.state instanceof WaitState wait) {
            WaitStep.run(run, wait);
        } else if (run.state instanceof SucceedState) {
            run.passThrough(run.effectiveInput(), null, null);
        } else if (run.state instanceof FailState fail) {
            FailStep.run(run, fail);
        } else if (run.state instanceof ParallelState parallel) {
            ParallelStep.run(run, parallel);
        } else if (run.state instanceof MapState map) {
            MapStep.run(run, map);
        }
    }
}
