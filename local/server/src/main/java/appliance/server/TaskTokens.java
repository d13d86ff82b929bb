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

    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();
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

    /** SendTaskSuccess. */
    void succeed(String token, JsonNode output) {
        Waiting entry = require(token);
        entry.submitted.thenRun(() -> entry.answer.complete(output));
        close(token, entry);
    }

    /** SendTaskFailure: the task fails with {@code error} (null: AWS leaves it empty) and {@code cause}. */
    void fail(String token, String error, String cause) {
        Waiting entry = require(token);
        entry.submitted.thenRun(() -> entry.answer.completeExceptionally(new StatesFailure(error, cause)));
        close(token, entry);
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
        waiting.forEach((token, entry) -> {
            if (entry.executionArn.equals(executionArn)) {
                entry.answer.cancel(false);
            }
        });
    }
}
