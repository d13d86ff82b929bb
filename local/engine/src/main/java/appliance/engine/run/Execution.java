package appliance.engine.run;

import appliance.engine.history.HistoryEvent;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** A started execution: its names, its history so far, and its result once it ends. */
public interface Execution {

    ExecutionIdentity identity();

    /** RUNNING until the execution ends, then how it ended. */
    default ExecutionStatus status() {
        java.util.concurrent.CompletableFuture<ExecutionResult> done = result().toCompletableFuture();
        return done.isDone() ? done.join().status() : ExecutionStatus.RUNNING;
    }

    /** Completes when the execution ends, on the execution's step thread. */
    CompletionStage<ExecutionResult> result();

    /** A snapshot of the history recorded so far, in AWS's order. */
    List<HistoryEvent> history();

    /** Stops the execution (AWS's StopExecution): status ABORTED. */
    void stop(String error, String cause);
}
