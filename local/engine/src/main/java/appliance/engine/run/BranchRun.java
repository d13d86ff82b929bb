package appliance.engine.run;

import appliance.engine.definition.StateMachineDefinition;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs one block of states (the machine, a Parallel branch, a Map iteration) from its StartAt to an
 * end, one state per step. A branch is cancelled when a sibling fails or its execution ends.
 *
 * <p>Its events chain through {@code previousEventId} as AWS chains them: each event links to the
 * branch's <em>cursor</em>, the last event the branch moved on from. The cursor starts at the event that
 * started the branch (0 for the machine itself: at AWS the first state's entered event links to no
 * event, not to ExecutionStarted). Most events move the cursor; a few are written aside and nothing
 * links to them (see {@link #recordAside}).
 */
final class BranchRun implements MapIteration {

    final ExecutionRun execution;
    final StateMachineDefinition definition;
    final VariableScope variables;
    /** Where this branch's events go: the execution's history (a DISTRIBUTED Map's children are executions of their own). */
    final EventLog log;
    private final BranchRun parent;
    private final Consumer<Outcome> onDone;
    private long cursor;
    private boolean cancelled;
    private boolean done;

    BranchRun(ExecutionRun execution, BranchRun parent, EventLog log, StateMachineDefinition definition,
            VariableScope variables, long cursor, Consumer<Outcome> onDone) {
        this.execution = execution;
        this.log = log;
        this.parent = parent;
        this.definition = definition;
        this.variables = variables;
        this.cursor = cursor;
        this.onDone = onDone;
    }

    void start(JsonNode input) {
        execution.steps.execute(() -> enter(definition.startAt(), input));
    }

    /** False once the execution ended or this branch (or one around it) was cancelled: steps then do nothing. */
    boolean isLive() {
        return !done && !cancelled && !execution.isFinished() && (parent == null || parent.isLive());
    }

    @Override
    public void cancel() {
        cancelled = true;
    }

    /** Records an event linked to the cursor and moves the cursor to it; returns its id. */
    long record(String type, String detailsName, Supplier<ObjectNode> details) {
        cursor = log.record(cursor, type, detailsName, details);
        return cursor;
    }

    /**
     * Records an event linked to the cursor without moving it: nothing links to this event, the next one
     * links past it. AWS writes MapIterationFailed, MapStateSucceeded and ParallelStateSucceeded so.
     */
    long recordAside(String type, String detailsName, Supplier<ObjectNode> details) {
        return log.record(cursor, type, detailsName, details);
    }

    /** Records an event linked to {@code previousEventId} rather than to the cursor, and moves the cursor to it. */
    long recordAfter(long previousEventId, String type, String detailsName, Supplier<ObjectNode> details) {
        cursor = previousEventId;
        return record(type, detailsName, details);
    }

    /** The event the branch's next event links to: for a finished branch, its last linked event. */
    long cursor() {
        return cursor;
    }

    /** Moves the cursor to an event of a sub-branch: the state goes on from there (a join). */
    void moveCursor(long eventId) {
        cursor = eventId;
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
