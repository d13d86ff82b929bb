package appliance.runtime.lambda;

import static appliance.runtime.lambda.ProcessFunctions.assumeOnPath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What Lambda does when a function's process misbehaves, measured from outside the process. */
class ProcessFailuresTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RecordingLogSink logs = new RecordingLogSink();
    private final ManualTimeouts timeouts = new ManualTimeouts();
    private final LocalLambdaRuntime runtime = new LocalLambdaRuntime(LambdaRuntimeOptions.defaults()
            .withIsolation(LambdaIsolation.PROCESS).withLogSink(logs));
    private final ExecutorService callers = Executors.newCachedThreadPool();

    @AfterEach
    void close() {
        runtime.close();
        callers.shutdownNow();
    }

    private LambdaInvocationResult invoke(LocalLambdaRuntime on, String function, String json) throws Exception {
        return on.invoke(function, JSON.readTree(json));
    }

    private static List<String> lines(LambdaInvocationResult result) {
        return result.log().lines().stream().map(LambdaLogLine::message).toList();
    }

    @Test
    void a_process_that_exits_during_a_call_is_an_exit_error_with_its_status_and_the_next_call_starts_cold()
            throws Exception {
        assumeOnPath("node");
        runtime.register(ProcessFunctions.node("quitter", 128, 10));

        LambdaInvocationResult exited = invoke(runtime, "quitter", "{\"action\":\"exit\",\"status\":3}");
        LambdaInvocationResult after = invoke(runtime, "quitter", "{\"name\":\"Ada\"}");

        assertThat(exited.error().errorType()).isEqualTo("Runtime.ExitError");
        assertThat(exited.error().errorMessage())
                .isEqualTo("RequestId: " + exited.requestId() + " Error: Runtime exited with error: exit status 3");
        assertThat(lines(exited)).anyMatch(line -> line.contains("Runtime exited with error: exit status 3")
                && line.endsWith("Runtime.ExitError"));
        assertThat(after.error()).isNull();
        assertThat(after.coldStart()).isTrue();
        assertThat(after.payloadJson().get("invocations").asInt()).isEqualTo(1);
    }

    @Test
    void a_python_process_over_its_memory_size_is_killed_as_out_of_memory() throws Exception {
        assumeOnPath("python3");
        runtime.register(ProcessFunctions.python("hoarder", 128, 30));

        LambdaInvocationResult result = invoke(runtime, "hoarder", "{\"action\":\"hoard\"}");

        assertThat(result.error().errorType()).isEqualTo("Runtime.OutOfMemory");
        assertThat(result.error().errorMessage()).endsWith("Runtime exited with error: signal: killed");
        assertThat(result.maxMemoryUsedMb()).isEqualTo(128);
    }

    @Test
    void a_spinning_handler_is_timed_out_and_its_process_ended() throws Exception {
        assumeOnPath("node");
        runtime.register(ProcessFunctions.node("spinner", 128, 1));

        LambdaInvocationResult result = invoke(runtime, "spinner", "{\"action\":\"spin\"}");
        LambdaInvocationResult after = invoke(runtime, "spinner", "{\"name\":\"Ada\"}");

        assertThat(result.timedOut()).isTrue();
        assertThat(result.error().errorMessage()).startsWith("RequestId: " + result.requestId()
                + " Error: Task timed out after 1.");
        assertThat(after.error()).isNull();
        assertThat(after.coldStart()).isTrue();
        List<ProcessHandle> spinning = ProcessHandle.current().descendants()
                .filter(process -> process.info().commandLine().orElse("").contains("index.mjs")).toList();
        // Only the fresh environment's node is left: the timed-out one was killed.
        assertThat(spinning).hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void an_init_error_fails_the_call_with_the_runtimes_error() throws Exception {
        assumeOnPath("node");
        runtime.register(ProcessFunctions.function("broken", "nodejs-init-error", "app.handler", "nodejs20.x", 128, 10,
                Map.of(), null));

        LambdaInvocationResult result = invoke(runtime, "broken", "{}");

        assertThat(result.error().errorType()).isEqualTo("Error");
        assertThat(result.error().errorMessage()).isEqualTo("cannot reach the database");
        assertThat(result.coldStart()).isTrue();
    }

    @Test
    void a_handler_module_that_does_not_exist_is_an_import_module_error() throws Exception {
        assumeOnPath("python3");
        runtime.register(ProcessFunctions.function("missing", "python", "nowhere.handler", "python3.12", 128, 10,
                Map.of(), null));

        LambdaInvocationResult result = invoke(runtime, "missing", "{}");

        assertThat(result.error().errorType()).isEqualTo("Runtime.ImportModuleError");
        assertThat(result.error().errorMessage()).startsWith("Unable to import module 'nowhere'");
    }

    @Test
    void an_init_past_its_limit_then_past_the_timeout_is_timed_out() throws Exception {
        assumeOnPath("python3");
        try (LocalLambdaRuntime shortInit = new LocalLambdaRuntime(LambdaRuntimeOptions.defaults()
                .withIsolation(LambdaIsolation.PROCESS).withInitLimitNanos(TimeUnit.MILLISECONDS.toNanos(100)))) {
            shortInit.register(ProcessFunctions.function("slowInit", "python-slow-init", "app.handler", "python3.12",
                    128, 1, Map.of(), null));

            LambdaInvocationResult result = invoke(shortInit, "slowInit", "{}");

            assertThat(result.timedOut()).isTrue();
            assertThat(lines(result)).anyMatch(line -> line.startsWith("INIT_REPORT Init Duration: 100.00 ms"));
        }
    }

    @Test
    void a_response_over_six_megabytes_fails_as_lambda_fails_it() throws Exception {
        assumeOnPath("node");
        runtime.register(ProcessFunctions.node("big", 512, 10));

        LambdaInvocationResult result = invoke(runtime, "big", "{\"action\":\"oversized\"}");

        assertThat(result.error().errorType()).isEqualTo("Function.ResponseSizeTooLarge");
        assertThat(result.error().errorMessage())
                .isEqualTo("Response payload size exceeded maximum allowed payload size (6291556 bytes).");
    }

    @Test
    void a_request_over_six_megabytes_is_refused_before_any_code_runs() {
        runtime.register(ProcessFunctions.node("big", 128, 10));
        byte[] request = ("\"" + "a".repeat(LambdaServiceException.MAX_REQUEST_BYTES) + "\"").getBytes();

        assertThatThrownBy(() -> runtime.invoke("big", request))
                .isInstanceOfSatisfying(LambdaServiceException.class, refused -> {
                    assertThat(refused.errorCode()).isEqualTo("RequestTooLargeException");
                    assertThat(refused.statusCode()).isEqualTo(413);
                });
        assertThat(logs.logs).isEmpty();
    }

    @Test
    void a_handler_error_is_the_runtimes_error_document_and_the_environment_stays_warm() throws Exception {
        assumeOnPath("python3");
        runtime.register(ProcessFunctions.python("thrower", 128, 10));

        LambdaInvocationResult failed = invoke(runtime, "thrower", "{\"action\":\"throw\",\"name\":\"Ada\"}");
        LambdaInvocationResult after = invoke(runtime, "thrower", "{\"name\":\"Bob\"}");

        assertThat(failed.error().errorType()).isEqualTo("ValueError");
        assertThat(failed.error().errorMessage()).isEqualTo("cannot handle Ada");
        assertThat(after.coldStart()).isFalse();
        assertThat(after.payloadJson().get("invocations").asInt()).isEqualTo(2);
    }

    @Test
    void overlapping_calls_get_environments_of_their_own_up_to_the_reserved_concurrency() throws Exception {
        assumeOnPath("node");
        try (LocalLambdaRuntime manual = new LocalLambdaRuntime(LambdaRuntimeOptions.defaults()
                .withIsolation(LambdaIsolation.PROCESS).withTimeouts(timeouts))) {
            manual.register(ProcessFunctions.function("single", "nodejs", "app.handler", "nodejs20.x", 128, 60,
                    Map.of(), 1));
            CountDownLatch spinning = new CountDownLatch(1);
            Future<LambdaInvocationResult> first = callers.submit(() -> {
                spinning.countDown();
                return invoke(manual, "single", "{\"action\":\"spin\"}");
            });
            assertThat(spinning.await(30, TimeUnit.SECONDS)).isTrue();
            // Once a timer of the first call is pending, it holds the only environment.
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (timeouts.pendingCount() == 0) {
                assertThat(System.nanoTime()).isLessThan(until);
                Thread.onSpinWait();
            }

            assertThatThrownBy(() -> invoke(manual, "single", "{\"name\":\"Bob\"}"))
                    .isInstanceOfSatisfying(LambdaServiceException.class,
                            refused -> assertThat(refused.stepFunctionsError()).isEqualTo("Lambda.TooManyRequestsException"));
            // The init's own limit (if the init is still running), then the Timeout.
            while (!first.isDone()) {
                assertThat(System.nanoTime()).isLessThan(until);
                timeouts.fireAll();
                Thread.onSpinWait();
            }
            assertThat(first.get(30, TimeUnit.SECONDS).timedOut()).isTrue();
            assertThat(invoke(manual, "single", "{\"name\":\"Cy\"}").error()).isNull();
        }
    }
}
