package appliance.server.crash;

import appliance.engine.error.StatesFailure;
import appliance.engine.task.TaskInvoker;
import appliance.server.ServerOptions;
import appliance.server.StepFunctionsServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/**
 * A server process for the crash test in the JUnit suite (the script uses {@code bin/appliance serve}):
 * {@code CrashServer PORT STORE}. Its one function stands in for ClassifyCookFunction: it answers a
 * cook event with a classification and fails on one whose {@code req_secs} is 0. SIGTERM stops it cleanly.
 */
public final class CrashServer {

    static final String FUNCTION = "arn:aws:lambda:us-east-1:123456789012:function:Classify";

    private CrashServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        TaskInvoker tasks = request -> {
            JsonNode event = request.parameters();
            if (event.path("req_secs").asInt() == 0) {
                return CompletableFuture.failedFuture(new StatesFailure("InvalidCookEvent", "req_secs must be greater than 0"));
            }
            ObjectNode result = JsonNodeFactory.instance.objectNode();
            result.put("outcome", event.path("cook_secs").asInt() < event.path("req_secs").asInt() ? "EARLY_END" : "COMPLETED");
            return CompletableFuture.completedFuture(result);
        };
        StepFunctionsServer server = StepFunctionsServer.start(
                new ServerOptions("127.0.0.1", Integer.parseInt(args[0]), Path.of(args[1]), null), tasks, Clock.systemUTC());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        System.out.println("serving on " + server.endpoint());
        stopped.await();
    }
}
