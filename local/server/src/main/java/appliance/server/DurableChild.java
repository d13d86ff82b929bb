package appliance.server;

import appliance.engine.history.HistoryEvent;
import appliance.engine.run.Execution;
import appliance.engine.run.ExecutionIdentity;
import appliance.engine.run.ExecutionResult;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A Map Run's child as its parent sees it: the engine's execution, whose result reaches the parent only
 * once the child's end is durable (write-ahead, as every other answer of this server).
 */
final class DurableChild implements Execution {

    private final Execution running;
    private final CompletionStage<ExecutionResult> result;

    DurableChild(Execution running, CompletableFuture<ExecutionRecord> persisted) {
        this.running = running;
        this.result = persisted.thenCompose(row -> running.result());
    }

    @Override
    public ExecutionIdentity identity() {
        return running.identity();
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
        running.stop(error, cause);
    }
}
