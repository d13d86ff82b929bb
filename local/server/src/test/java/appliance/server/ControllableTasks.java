package appliance.server;

import appliance.engine.error.StatesFailure;
import appliance.engine.task.TaskInvoker;
import appliance.engine.task.TaskRequest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Task resources for tests: {@code ...:function:Echo} answers its parameters, {@code ...:function:Fail}
 * fails with {@code Custom.Error}, and {@code ...:function:Hold} answers only when the test completes the
 * call it takes from {@link #nextHeld()}: an execution that stays RUNNING as long as the test wants.
 */
final class ControllableTasks implements TaskInvoker {

    static final String ECHO = "arn:aws:lambda:us-east-1:123456789012:function:Echo";
    static final String FAIL = "arn:aws:lambda:us-east-1:123456789012:function:Fail";
    static final String HOLD = "arn:aws:lambda:us-east-1:123456789012:function:Hold";

    private final BlockingQueue<CompletableFuture<JsonNode>> held = new LinkedBlockingQueue<>();

    @Override
    public CompletionStage<JsonNode> invoke(TaskRequest request) {
        if (request.resource().equals(FAIL)) {
            return CompletableFuture.failedFuture(new StatesFailure("Custom.Error", "it failed"));
        }
        if (request.resource().equals(HOLD)) {
            CompletableFuture<JsonNode> call = new CompletableFuture<>();
            held.add(call);
            return call;
        }
        return CompletableFuture.completedFuture(request.parameters());
    }

    /** The next held call, waiting at most 10 seconds for it to be made. */
    CompletableFuture<JsonNode> nextHeld() throws InterruptedException {
        CompletableFuture<JsonNode> call = held.poll(10, TimeUnit.SECONDS);
        if (call == null) {
            throw new AssertionError("No held task call within 10 seconds");
        }
        return call;
    }
}
