package appliance.engine.run;

import appliance.engine.definition.StateMachineDefinition;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs one block of states (the machine, a Parallel branch, a Map iteration) from its StartAt to an
 * end, one state per step. Its events chain through {@code previousEventId} from the event that
 * started it. A branch is cancelled when a sibling fails or its execution ends.
 */
final class BranchRun {

    final ExecutionRun execution;
    final StateMachineDefinition definition;
    final VariableScope variables;
    private final BranchRun parent;
    private final Consumer<Outcome> onDone;
    private long lastEventId;
    private boolean cancelled;
    private boolean done;

    BranchRun(ExecutionRun execution, BranchRun parent, StateMachineDefinition definition, VariableScope variables,
            long startedByEventId, Consumer<Outcome> onDone) {
        this.execution = execution;
        this.parent = parent;
        this.definition = definition;
        this.variables = variables;
        this.lastEventId = startedByEventId;
        this.onDone = onDone;
    }

    void start(JsonNode input) {
        execution.steps.execute(() -> enter(definition.startAt(), input));
    }

    /** False once the execution ended or this branch (or one around it) was cancelled: steps then do nothing. */
    boolean isLive() {
        return !done && !cancelled && !execution.isFinished() && (parent == null || parent.isLive());
    }

    void cancel() {
        cancelled = true;
    }

    long record(String type, String detailsName, Supplier<ObjectNode> details) {
        lastEventId = execution.record(lastEventId, type, detailsName, details);
        return lastEventId;
    }

    /** Records an event that follows the latest event of the whole execution (a join after sub-branches). */
    long recordAfterLatest(String type, String detailsName, Supplier<ObjectNode> details) {
        lastEventId = execution.lastEventId();
        return record(type, detailsName, details);
    }

    void enter(String stateName, JsonNode input) {
        if (!isLive()) {
            return;
        }
        new StateRun(this, definition.state(stateName), input).begin();
    }

    /** Goes on to {@code next}, or ends the branch with {@code output} when {@code next} is null. */
    void proceed(String next, JsonNode output) {
        if (next == null) {
            finish(new Outcome.Succeeded(output));
        } else {
            execution.steps.execute(() -> enter(next, output));
        }
    }

    void finish(Outcome outcome) {
        if (done || !isLive()) {
            return;
        }
        done = true;
        if (parent != null) {
            variables.release();
        }
        onDone.accept(outcome);
    }
}
