package appliance.server;

import appliance.engine.task.TaskInvoker;
import appliance.engine.task.TaskRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Task resources for callback tests: every call is kept for the test to take ({@link #next()}) and
 * answered at once as a message service does, with {@code {"MessageId": "m-<state>"}}.
 */
final class ServiceCalls implements TaskInvoker {

    private final BlockingQueue<TaskRequest> calls = new LinkedBlockingQueue<>();

    @Override
    public CompletionStage<JsonNode> invoke(TaskRequest request) {
        calls.add(request);
        return CompletableFuture.completedFuture(JsonNodeFactory.instance.objectNode()
                .put("MessageId", "m-" + request.stateName()));
    }

    /** The next call, waiting at most 10 seconds for it. */
    TaskRequest next() throws InterruptedException {
        TaskRequest call = calls.poll(10, TimeUnit.SECONDS);
        if (call == null) {
            throw new AssertionError("No task call within 10 seconds");
        }
        return call;
    }
}
