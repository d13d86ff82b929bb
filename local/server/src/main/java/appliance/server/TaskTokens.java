package appliance.server;

import appliance.engine.error.StatesFailure;
import appliance.engine.history.ExecutionListener;
import appliance.engine.run.ExecutionResult;
import appliance.engine.task.TaskRequest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The task tokens of the tasks that wait for one (callback integrations and activities), and what
 * SendTaskSuccess, SendTaskFailure and SendTaskHeartbeat do with them. A token is known while its task
 * waits; once the task has answered, timed out, or its execution ended, the token is closed and AWS's
 * TaskTimedOut answers it ("the task associated with the token has already been closed"). A token of
 * the engine's shape that was never given out is TaskDoesNotExist; anything else is InvalidToken.
 * Tokens are not written to the store: after a restart, a resumed execution's task waits again under
 * the same token (the engine draws it from the execution's seeded randomness).
 */
final class TaskTokens implements ExecutionListener {

    /** The engine's tokens are UUIDs. */
    private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** Closed tokens remembered (for TaskTimedOut rather than TaskDoesNotExist), the latest this many. */
    private static final int CLOSED_KEPT = 100_000;

    /** A task waiting for its token to come back. */
    private record Waiting(String executionArn, TaskRequest request, CompletableFuture<JsonNode> answer,
            CompletableFuture<Void> submitted) {
    }

    /** The events that end a task: once one is written, the answer sent to it is in the store. */
    private static final java.util.Set<String> ENDING_EVENTS = java.util.Set.of("TaskSucceeded", "TaskFailed",
            "TaskTimedOut", "ActivitySucceeded", "ActivityFailed", "ActivityTimedOut");

    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();
    /** Per execution, the answers sent and not yet written as an event, oldest first. */
    private final Map<String, java.util.Deque<CompletableFuture<Void>>> answering = new ConcurrentHashMap<>();
    private final Map<String, Boolean> closed = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > CLOSED_KEPT;
        }
    });

    /**
     * Makes the task of {@code request} wait for its token. An answer sent before {@code submitted}
     * completes is held until then (a service may call back before its own call returns), so the history
     * shows TaskSubmitted before the answer, as AWS's does.
     *
     * @return the task's answer: completes when the token comes back; fails with States.Runtime when the
     *     request has no token
     */
    CompletableFuture<JsonNode> await(TaskRequest request, CompletableFuture<Void> submitted) {
        String token = request.taskToken();
        if (token == null) {
            return CompletableFuture.failedFuture(StatesFailure.runtime("The task '" + request.stateName()
                    + "' waits for a task token but the execution gave it none"));
        }
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        Waiting entry = new Waiting(request.executionArn(), request, answer, submitted);
        closed.remove(token);
        waiting.put(token, entry);
        answer.whenComplete((result, error) -> close(token, entry));
        request.progress().whenTimedOut(() -> answer.cancel(false));
        return answer;
    }

    private void close(String token, Waiting entry) {
        if (waiting.remove(token, entry)) {
            closed.put(token, Boolean.TRUE);
        }
    }

    /**
     * SendTaskSuccess.
     *
     * @return completes once the execution has written the event the answer made (then written to the
     *     store's journal, not yet synced), or once the execution ended; at once when the task's service
     *     call has not returned yet (the answer waits for it)
     */
    CompletableFuture<Void> succeed(String token, JsonNode output) {
        Waiting entry = require(token);
        CompletableFuture<Void> recorded = recorded(entry);
        entry.submitted.thenRun(() -> entry.answer.complete(output));
        close(token, entry);
        return recorded;
    }

    /** SendTaskFailure: the task fails with {@code error} (null: AWS leaves it empty) and {@code cause}; as {@link #succeed}. */
    CompletableFuture<Void> fail(String token, String error, String cause) {
        Waiting entry = require(token);
        CompletableFuture<Void> recorded = recorded(entry);
        entry.submitted.thenRun(() -> entry.answer.completeExceptionally(new StatesFailure(error, cause)));
        close(token, entry);
        return recorded;
    }

    private CompletableFuture<Void> recorded(Waiting entry) {
        if (!entry.submitted.isDone()) {
            // The service that was called sends the token before its own call returned (a Lambda function
            // answering its own callback): the answer is held until then; waiting here would wait for ourselves.
            return CompletableFuture.completedFuture(null);
        }
        String executionArn = entry.executionArn;
        CompletableFuture<Void> recorded = new CompletableFuture<>();
        answering.computeIfAbsent(executionArn, key -> new java.util.concurrent.ConcurrentLinkedDeque<>()).add(recorded);
        return recorded;
    }

    /** A task of the execution ended: the oldest answer sent to it is written (tasks of one execution end in turn). */
    @Override
    public void onEvent(String executionArn, appliance.engine.history.HistoryEvent event) {
        if (!ENDING_EVENTS.contains(event.type())) {
            return;
        }
        java.util.Deque<CompletableFuture<Void>> sent = answering.get(executionArn);
        CompletableFuture<Void> oldest = sent == null ? null : sent.poll();
        if (oldest != null) {
            oldest.complete(null);
        }
    }

    /** SendTaskHeartbeat: the task's HeartbeatSeconds clock starts again. */
    void heartbeat(String token) {
        require(token).request.heartbeat().run();
    }

    /** The request of a waiting task (an activity hands its input to a worker), or null. */
    TaskRequest waitingRequest(String token) {
        Waiting entry = waiting.get(token);
        return entry == null ? null : entry.request;
    }

    private Waiting require(String token) {
        Waiting entry = waiting.get(token);
        if (entry != null) {
            return entry;
        }
        if (closed.containsKey(token)) {
            throw new ApiException("TaskTimedOut", "Task Timed Out: '" + token + "'");
        }
        if (!TOKEN.matcher(token).matches()) {
            throw ApiException.invalidToken(token);
        }
        throw new ApiException("TaskDoesNotExist", "Task Does Not Exist: '" + token + "'");
    }

    /** An execution that ended (stopped, failed, timed out) takes its waiting tasks' tokens with it. */
    @Override
    public void onFinished(String executionArn, ExecutionResult result) {
        java.util.Deque<CompletableFuture<Void>> sent = answering.remove(executionArn);
        if (sent != null) {
            sent.forEach(recorded -> recorded.complete(null));
        }
        waiting.forEach((token, entry) -> {
            if (entry.executionArn.equals(executionArn)) {
                entry.answer.cancel(false);
            }
        });
    }
}
