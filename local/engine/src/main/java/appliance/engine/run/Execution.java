package appliance.engine.run;

import appliance.engine.history.HistoryEvent;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** A started execution: its names, its history so far, and its result once it ends. */
public interface Execution {

    ExecutionIdentity identity();

    /** Completes when the execution ends, on the execution's step thread. */
    CompletionStage<ExecutionResult> result();

    /** A snapshot of the history recorded so far, in AWS's order. */
    List<HistoryEvent> history();

    /** Stops the execution (AWS's StopExecution): status ABORTED. */
    void stop(String error, String cause);
}
