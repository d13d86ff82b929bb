package appliance.server;

import appliance.engine.error.StatesFailure;
import appliance.engine.task.TaskInvoker;
import appliance.engine.task.TaskRequest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The task side of one TestState call: the mock's answer, or the server's task invoker (waited for on
 * the request's thread, so the test runs to its end on the virtual clock). Remembers the first answer
 * for the inspection data, and answers a retry of the tested state with the same error without calling
 * anything again: TestState reports such an error as RETRIABLE rather than retrying.
 */
final class TestedTask implements TaskInvoker {

    /** The request's mock: a result, or an error and cause. */
    record Mock(JsonNode result, String error, String cause) {
    }

    /** AWS's limit for one TestState call. */
    private static final long LIMIT_SECONDS = 300;

    private final String testedState;
    private final Mock mock;
    private final TaskInvoker tasks;
    private int calls;
    private JsonNode firstResult;
    private String firstError;
    private String firstCause;

    TestedTask(String testedState, Mock mock, TaskInvoker tasks) {
        this.testedState = testedState;
        this.mock = mock;
        this.tasks = tasks;
    }

    @Override
    public synchronized CompletionStage<JsonNode> invoke(TaskRequest request) {
        boolean tested = testedState.equals(request.stateName());
        if (tested && ++calls > 1 && firstError != null) {
            return CompletableFuture.failedFuture(new StatesFailure(firstError, firstCause));
        }
        try {
            JsonNode result = answer(request);
            if (tested && calls == 1) {
                firstResult = result;
            }
            return CompletableFuture.completedFuture(result);
        } catch (StatesFailure e) {
            if (tested && calls == 1) {
                firstError = e.error();
                firstCause = e.cause();
            }
            return CompletableFuture.failedFuture(e);
        }
    }

    private JsonNode answer(TaskRequest request) {
        if (mock != null) {
            if (mock.result() != null) {
                return mock.result().deepCopy();
            }
            throw new StatesFailure(mock.error(), mock.cause());
        }
        try {
            return tasks.invoke(request).toCompletableFuture().get(LIMIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StatesFailure failure) {
                throw failure;
            }
            throw new StatesFailure("States.TaskFailed", String.valueOf(e.getCause().getMessage()));
        } catch (TimeoutException e) {
            throw new StatesFailure("States.Timeout", "The task did not answer within " + LIMIT_SECONDS + " seconds");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StatesFailure("States.Runtime", "Interrupted while waiting for the task");
        }
    }

    /** Whether the tested state was called again: a Retry matched its error. */
    synchronized boolean retried() {
        return calls > 1 && firstError != null;
    }

    synchronized JsonNode firstResult() {
        return firstResult;
    }

    synchronized String firstError() {
        return firstError;
    }

    synchronized String firstCause() {
        return firstCause;
    }
}
