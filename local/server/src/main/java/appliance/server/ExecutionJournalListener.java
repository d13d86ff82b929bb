package appliance.server;

import appliance.engine.history.ExecutionListener;
import appliance.engine.history.HistoryEvent;
import appliance.engine.run.ExecutionResult;

/**
 * Writes one execution's history events to the store as the engine makes them (nothing is kept in the
 * heap), passes them on to the live listeners, and hands the result over when the execution ends.
 * Once the server is closing, nothing more is written: what was written is what a restart resumes from.
 */
final class ExecutionJournalListener implements ExecutionListener {

    interface Ending {
        void ended(ExecutionResult result, java.time.Instant stop);
    }

    private final ExecutionStore store;
    private final StoredExecution stored;
    private final ExecutionListener onward;
    private final java.util.function.BooleanSupplier closing;
    private final Ending ending;
    private java.time.Instant lastEventTime;

    ExecutionJournalListener(ExecutionStore store, StoredExecution stored, ExecutionListener onward,
            java.util.function.BooleanSupplier closing, Ending ending) {
        this.store = store;
        this.stored = stored;
        this.onward = onward;
        this.closing = closing;
        this.ending = ending;
    }

    @Override
    public void onEvent(String executionArn, HistoryEvent event) {
        if (closing.getAsBoolean()) {
            return;
        }
        store.event(stored, event);
        lastEventTime = event.timestamp();
        onward.onEvent(executionArn, event);
    }

    @Override
    public void onFinished(String executionArn, ExecutionResult result) {
        if (closing.getAsBoolean()) {
            return;
        }
        onward.onFinished(executionArn, result);
        ending.ended(result, lastEventTime);
    }
}
