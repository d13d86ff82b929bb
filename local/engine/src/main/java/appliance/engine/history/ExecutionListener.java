package appliance.engine.history;

import appliance.engine.run.ExecutionResult;

/**
 * Hears an execution as it happens: each history event as it is recorded, then the result. The CLI,
 * a store and the web debugger listen. Called on the execution's step thread: return quickly.
 */
public interface ExecutionListener {

    ExecutionListener NONE = new ExecutionListener() {
    };

    default void onEvent(String executionArn, HistoryEvent event) {
    }

    default void onFinished(String executionArn, ExecutionResult result) {
    }
}
