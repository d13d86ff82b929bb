package appliance.server;

import appliance.engine.definition.Json;
import appliance.engine.history.HistoryEvent;
import appliance.engine.run.Execution;
import appliance.engine.run.ExecutionResult;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * An execution this server started and has not yet written to the database as finished. Reads see it
 * here until its final row and history are committed; {@link #persisted} completes then.
 */
final class LiveExecution {

    final ExecutionRecord started;
    final JsonNode input;
    final CompletableFuture<ExecutionRecord> persisted = new CompletableFuture<>();
    private volatile Execution execution;

    LiveExecution(ExecutionRecord started, JsonNode input) {
        this.started = started;
        this.input = input;
    }

    void attach(Execution running) {
        this.execution = running;
    }

    Execution execution() {
        return execution;
    }

    boolean running() {
        Execution current = execution;
        return current == null || !current.result().toCompletableFuture().isDone();
    }

    /** The execution as it stands: running, or finished in memory but perhaps not yet in the database. */
    ExecutionRecord snapshot() {
        Execution current = execution;
        if (current == null) {
            return started;
        }
        CompletableFuture<ExecutionResult> result = current.result().toCompletableFuture();
        return result.isDone() ? finished(result.join(), current.history()) : started;
    }

    ExecutionRecord finished(ExecutionResult result, List<HistoryEvent> history) {
        Instant stop = history.isEmpty() ? started.startDate() : history.get(history.size() - 1).timestamp();
        return started.finished(result.status().name(), result.output() == null ? null : Json.compact(result.output()),
                result.error(), result.cause(), stop);
    }

    List<StoredEvent> history() {
        Execution current = execution;
        return current == null ? List.of() : current.history().stream().map(StoredEvent::of).toList();
    }
}
