package appliance.runtime.lambda;

import static appliance.runtime.lambda.FixtureFunctions.function;
import static appliance.runtime.lambda.FixtureFunctions.handler;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import appliance.runtime.lambda.fixtures.BlockingHandler;
import appliance.runtime.lambda.fixtures.SlowInitHandler;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConcurrencyAndTimeoutTest {
    private final ManualTimeouts timeouts = new ManualTimeouts();
    private final SteppingClock clock = new SteppingClock(1_000_000);
    private final LocalLambdaRuntime runtime = new LocalLambdaRuntime(LambdaRuntimeOptions.defaults()
            .withClock(clock).withTimeouts(timeouts).withIds(new SequentialIds()).withMemoryGauge(MemoryGauge.fixed(90)));
    private final ExecutorService callers = Executors.newCachedThreadPool();
    private final String key = "test." + UUID.randomUUID();
    private CountDownLatch started;
    private CountDownLatch release;

    @BeforeEach
    void latches() {
        started = new CountDownLatch(1);
        release = new CountDownLatch(1);
        System.getProperties().put(key + ".started", started);
        System.getProperties().put(key + ".release", release);
    }

    @AfterEach
    void close() {
        release.countDown();
        System.getProperties().remove(key + ".started");
        System.getProperties().remove(key + ".release");
        callers.shutdownNow();
        runtime.close();
    }

    @Test
    void a_call_beyond_reserved_concurrency_is_throttled_with_too_many_requests() throws Exception {
        runtime.register(function("classifier", handler(BlockingHandler.class), Map.of(), 1));
        Future<LambdaInvocationResult> running = callers.submit(() -> runtime.invoke("classifier", new TextNode(key)));
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> runtime.invoke("classifier", new TextNode(key)))
                .isInstanceOfSatisfying(LambdaServiceException.class, throttle -> {
                    assertThat(throttle.errorCode()).isEqualTo("TooManyRequestsException");
                    assertThat(throttle.getMessage()).isEqualTo("Rate Exceeded.");
                    assertThat(throttle.statusCode()).isEqualTo(429);
                    assertThat(throttle.stepFunctionsError()).isEqualTo("Lambda.TooManyRequestsException");
                    assertThat(throttle.stepFunctionsCause()).isEqualTo("Rate Exceeded. (Service: AWSLambda; Status"
                            + " Code: 429; Error Code: TooManyRequestsException; Request ID: "
                            + "00000000-0000-4000-8000-000000000002; Proxy: null)");
                });

        release.countDown();
        assertThat(running.get(30, TimeUnit.SECONDS).payload()).isEqualTo("\"released\"");
        System.getProperties().put(key + ".started", new CountDownLatch(1));
        assertThat(runtime.invoke("classifier", new TextNode(key)).succeeded()).isTrue();
    }

    @Test
    void reserved_concurrency_of_zero_throttles_every_call() {
        runtime.register(function("disabled", handler(BlockingHandler.class), Map.of(), 0));

        assertThatThrownBy(() -> runtime.invoke("disabled", new TextNode(key)))
                .isInstanceOf(LambdaServiceException.class).hasMessage("Rate Exceeded.");
    }

    @Test
    void a_call_running_past_its_timeout_fails_with_sandbox_timedout() throws Exception {
        runtime.register(function("slow", handler(BlockingHandler.class)));
        Future<LambdaInvocationResult> running = callers.submit(() -> runtime.invoke("slow", new TextNode(key)));
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();

        timeouts.fireAll();
        LambdaInvocationResult result = running.get(30, TimeUnit.SECONDS);

        assertThat(result.timedOut()).isTrue();
        assertThat(result.error().errorType()).isEqualTo("Sandbox.Timedout");
        assertThat(result.error().errorMessage()).matches(
                "RequestId: 00000000-0000-4000-8000-000000000001 Error: Task timed out after \\d+\\.\\d\\d seconds");
        assertThat(result.payloadJson().get("errorType").asText()).isEqualTo("Sandbox.Timedout");
        assertThat(result.log().messages()).anySatisfy(line -> assertThat(line)
                .matches("2026-11-28T10:00:00\\.\\d{3}Z 00000000-0000-4000-8000-000000000001 Task timed out after \\d+\\.\\d\\d seconds"));
        assertThat(result.log().messages().get(result.log().messages().size() - 1)).endsWith("\tStatus: timeout");
    }

    @Test
    void after_a_timeout_the_environment_is_discarded_and_the_next_call_is_cold() throws Exception {
        runtime.register(function("slow", handler(BlockingHandler.class)));
        Future<LambdaInvocationResult> running = callers.submit(() -> runtime.invoke("slow", new TextNode(key)));
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        timeouts.fireAll();
        LambdaInvocationResult timedOut = running.get(30, TimeUnit.SECONDS);

        System.getProperties().put(key + ".started", new CountDownLatch(1));
        release.countDown();
        LambdaInvocationResult next = runtime.invoke("slow", new TextNode(key));

        assertThat(next.coldStart()).isTrue();
        assertThat(next.log().logStreamName()).isNotEqualTo(timedOut.log().logStreamName());
        assertThat(next.payload()).isEqualTo("\"released\"");
    }

    @Test
    void a_call_that_ends_in_time_cancels_its_timeout() {
        runtime.register(function("quick", handler(BlockingHandler.class)));
        release.countDown();

        runtime.invoke("quick", new TextNode(key));

        assertThat(timeouts.pendingCount()).isZero();
    }

    @Test
    void an_init_past_its_own_limit_and_then_the_timeout_never_runs_the_handler() throws Exception {
        runtime.register(function("slowInit", handler(SlowInitHandler.class), Map.of("LATCH_KEY", key), null));
        Future<LambdaInvocationResult> running = callers.submit(() -> runtime.invoke("slowInit", new TextNode(key)));
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();

        Thread environmentThread = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals("lambda-slowInit-1")).findFirst().orElseThrow();

        timeouts.fireAll(); // the init's own limit: from now on the init counts against the Timeout
        timeouts.fireAll(); // the Timeout
        LambdaInvocationResult result = running.get(30, TimeUnit.SECONDS);
        release.countDown();
        environmentThread.join(TimeUnit.SECONDS.toMillis(30));

        assertThat(result.timedOut()).isTrue();
        assertThat(result.coldStart()).isTrue();
        assertThat(environmentThread.isAlive()).isFalse();
        assertThat(System.getProperties().get(key + ".ran")).isNull();
        assertThat(result.log().lines().stream().map(LambdaLogLine::message))
                .anyMatch(line -> line.startsWith("INIT_REPORT Init Duration: 10000.00 ms\tPhase: init\tStatus: timeout"));
    }
}
