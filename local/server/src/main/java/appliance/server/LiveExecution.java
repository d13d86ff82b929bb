package appliance.server;

import appliance.engine.run.Execution;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CompletableFuture;

/**
 * An execution running in this server: its place in the store, its input (a StartExecution with the
 * same name and input while it runs returns it), the engine's handle (to stop it), and a future that
 * completes, with the final row, once its end is durable.
 */
final class LiveExecution {

    final StoredExecution stored;
    final JsonNode input;
    /** Started by StartSyncExecution: at most once, never run again after a restart. */
    final boolean sync;
    final CompletableFuture<ExecutionRecord> persisted = new CompletableFuture<>();
    private volatile Execution execution;

    LiveExecution(StoredExecution stored, JsonNode input, boolean sync) {
        this.stored = stored;
        this.input = input;
        this.sync = sync;
    }

    void attach(Execution running) {
        this.execution = running;
    }

    Execution execution() {
        return execution;
    }

    boolean running() {
        return !persisted.isDone();
    }
}
