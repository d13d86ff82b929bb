package appliance.runtime.lambda;

import static appliance.runtime.lambda.FixtureFunctions.function;
import static appliance.runtime.lambda.FixtureFunctions.handler;
import static org.assertj.core.api.Assertions.assertThat;

import appliance.runtime.lambda.fixtures.BlockingHandler;
import appliance.runtime.lambda.fixtures.CountingHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WarmAndColdStartsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final LocalLambdaRuntime runtime = new LocalLambdaRuntime(LambdaRuntimeOptions.defaults()
            .withClock(new SteppingClock(1_250_000)));
    private final ExecutorService callers = Executors.newCachedThreadPool();

    @AfterEach
    void close() {
        callers.shutdownNow();
        runtime.close();
    }

    @Test
    void a_warm_environment_reuses_the_handler_instance_and_its_static_state() {
        runtime.register(function("counter", handler(CountingHandler.class)));

        runtime.invoke("counter", JSON.nullNode());
        runtime.invoke("counter", JSON.nullNode());
        LambdaInvocationResult third = runtime.invoke("counter", JSON.nullNode());

        assertThat(third.payloadJson().get("constructions").asInt()).isEqualTo(1);
        assertThat(third.payloadJson().get("calls").asInt()).isEqualTo(3);
    }

    @Test
    void the_first_call_is_a_cold_start_with_an_init_duration_and_later_calls_have_none() {
        runtime.register(function("counter", handler(CountingHandler.class)));

        LambdaInvocationResult first = runtime.invoke("counter", JSON.nullNode());
        LambdaInvocationResult second = runtime.invoke("counter", JSON.nullNode());

        assertThat(first.coldStart()).isTrue();
        assertThat(first.initDurationMs()).isEqualTo(1.25);
        assertThat(second.coldStart()).isFalse();
        assertThat(second.initDurationMs()).isNull();
        assertThat(second.log().logStreamName()).isEqualTo(first.log().logStreamName());
    }

    @Test
    void each_function_has_its_own_class_loader_and_static_state() {
        runtime.register(function("counterA", handler(CountingHandler.class)));
        runtime.register(function("counterB", handler(CountingHandler.class)));

        runtime.invoke("counterA", JSON.nullNode());
        runtime.invoke("counterA", JSON.nullNode());
        LambdaInvocationResult b = runtime.invoke("counterB", JSON.nullNode());

        assertThat(b.payloadJson().get("calls").asInt()).isEqualTo(1);
    }

    @Test
    void overlapping_calls_get_environments_of_their_own_and_both_are_kept_warm() throws Exception {
        runtime.register(function("blocking", handler(BlockingHandler.class)));
        String key = "test." + UUID.randomUUID();
        CountDownLatch bothStarted = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        System.getProperties().put(key + ".started", bothStarted);
        System.getProperties().put(key + ".release", release);
        try {
            Future<LambdaInvocationResult> first = callers.submit(() -> runtime.invoke("blocking", new TextNode(key)));
            Future<LambdaInvocationResult> second = callers.submit(() -> runtime.invoke("blocking", new TextNode(key)));
            assertThat(bothStarted.await(30, TimeUnit.SECONDS)).isTrue();
            release.countDown();

            LambdaInvocationResult a = first.get(30, TimeUnit.SECONDS);
            LambdaInvocationResult b = second.get(30, TimeUnit.SECONDS);
            assertThat(a.coldStart()).isTrue();
            assertThat(b.coldStart()).isTrue();
            assertThat(a.log().logStreamName()).isNotEqualTo(b.log().logStreamName());

            System.getProperties().put(key + ".started", new CountDownLatch(1));
            LambdaInvocationResult third = runtime.invoke("blocking", new TextNode(key));
            assertThat(third.coldStart()).isFalse();
            assertThat(third.payload()).isEqualTo("\"released\"");
        } finally {
            System.getProperties().remove(key + ".started");
            System.getProperties().remove(key + ".release");
        }
    }
}
