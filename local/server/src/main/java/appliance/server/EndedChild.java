package appliance.server;

import appliance.engine.history.HistoryEvent;
import appliance.engine.run.Execution;
import appliance.engine.run.ExecutionIdentity;
import appliance.engine.run.ExecutionResult;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A child of a Map Run that ended before the server restarted, as its parent's replay takes it up: its
 * result is the end the store kept (it is not run again), so the Map Run counts it as it ended.
 */
final class EndedChild implements Execution {

    private final ExecutionIdentity identity;
    private final CompletionStage<ExecutionResult> result;

    EndedChild(ExecutionIdentity identity, ExecutionResult result) {
        this.identity = identity;
        this.result = CompletableFuture.completedFuture(result);
    }

    @Override
    public ExecutionIdentity identity() {
        return identity;
    }

    @Override
    public CompletionStage<ExecutionResult> result() {
        return result;
    }

    @Override
    public List<HistoryEvent> history() {
        // The store keeps the child's history (GetExecutionHistory reads it there).
        return List.of();
    }

    @Override
    public void stop(String error, String cause) {
        // It has ended: there is nothing to stop.
    }
}
