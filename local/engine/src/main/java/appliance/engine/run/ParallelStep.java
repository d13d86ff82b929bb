package appliance.engine.run;

import appliance.engine.definition.ParallelState;
import appliance.engine.definition.StateMachineDefinition;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Parallel: every branch starts on the same effective input, in a variable scope of its own; the result
 * is the array of their outputs in branch order. The first branch to fail cancels the others and the
 * state fails with that branch's error.
 */
final class ParallelStep {

    private final StateRun run;
    private final ParallelState state;
    private final JsonNode[] outputs;
    private final List<BranchRun> branches = new ArrayList<>();
    private int remaining;
    private boolean failed;

    private ParallelStep(StateRun run, ParallelState state) {
        this.run = run;
        this.state = state;
        this.outputs = new JsonNode[state.branches().size()];
        this.remaining = outputs.length;
    }

    static void run(StateRun run, ParallelState state) {
        JsonNode input = run.effectiveInput();
        new ParallelStep(run, state).start(input);
    }

    private void start(JsonNode input) {
        long started = run.branch.record("ParallelStateStarted", null, null);
        for (int i = 0; i < outputs.length; i++) {
            int index = i;
            StateMachineDefinition definition = state.branches().get(i);
            BranchRun child = new BranchRun(run.branch.execution, run.branch, run.branch.log, definition,
                    new VariableScope(run.branch.variables), started, outcome -> done(index, branches.get(index), outcome));
            branches.add(child);
            child.start(input.deepCopy());
        }
    }

    /**
     * A branch ended. The state goes on from that branch's last event (AWS links ParallelStateExited or
     * ParallelStateFailed to it); ParallelStateSucceeded is written aside.
     */
    private void done(int index, BranchRun branch, Outcome outcome) {
        if (failed) {
            return;
        }
        run.branch.moveCursor(branch.cursor());
        if (outcome instanceof Outcome.Failed failure) {
            failed = true;
            branches.forEach(BranchRun::cancel);
            run.failFromInside(failure.failure());
            return;
        }
        outputs[index] = ((Outcome.Succeeded) outcome).output();
        remaining--;
        if (remaining == 0) {
            run.branch.recordAside("ParallelStateSucceeded", null, null);
            ArrayNode result = JsonNodeFactory.instance.arrayNode();
            for (JsonNode output : outputs) {
                result.add(output);
            }
            run.guarded(() -> run.succeed(result, state.transition().next()));
        }
    }
}
