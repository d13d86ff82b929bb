package appliance.runtime.lambda;

import static appliance.runtime.lambda.FixtureFunctions.function;
import static appliance.runtime.lambda.FixtureFunctions.handler;
import static org.assertj.core.api.Assertions.assertThat;

import appliance.runtime.lambda.fixtures.ContextHandler;
import appliance.runtime.lambda.fixtures.CountingHandler;
import com.fasterxml.jackson.databind.node.NullNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InvocationLogTest {
    private static final String FIRST = "00000000-0000-4000-8000-000000000001";
    private static final String SECOND = "00000000-0000-4000-8000-000000000002";

    private final RecordingLogSink sink = new RecordingLogSink();
    // Every clock reading is 1.25 ms after the previous one: init and handler each measure exactly 1.25 ms.
    private final LocalLambdaRuntime runtime = new LocalLambdaRuntime(LambdaRuntimeOptions.defaults()
            .withClock(new SteppingClock(1_250_000)).withIds(new SequentialIds())
            .withMemoryGauge(MemoryGauge.fixed(87)).withLogSink(sink));

    @AfterEach
    void close() {
        runtime.close();
    }

    @Test
    void a_cold_call_logs_init_output_then_start_output_end_and_report_with_init_duration() {
        runtime.register(function("counter", handler(CountingHandler.class)));

        LambdaInvocationResult result = runtime.invoke("counter", NullNode.getInstance());

        assertThat(result.log().messages()).containsExactly(
                "Loading function",
                "START RequestId: " + FIRST + " Version: $LATEST",
                "call 1",
                "partial line on stderr",
                "logger line 1",
                "END RequestId: " + FIRST,
                "REPORT RequestId: " + FIRST + "\tDuration: 1.25 ms\tBilled Duration: 3 ms\tMemory Size: 512 MB"
                        + "\tMax Memory Used: 87 MB\tInit Duration: 1.25 ms\t");
    }

    @Test
    void a_warm_call_reports_no_init_duration_and_bills_its_duration_rounded_up() {
        runtime.register(function("counter", handler(CountingHandler.class)));
        runtime.invoke("counter", NullNode.getInstance());

        LambdaInvocationResult result = runtime.invoke("counter", NullNode.getInstance());

        assertThat(result.log().messages()).containsExactly(
                "START RequestId: " + SECOND + " Version: $LATEST",
                "call 2",
                "partial line on stderr",
                "logger line 2",
                "END RequestId: " + SECOND,
                "REPORT RequestId: " + SECOND + "\tDuration: 1.25 ms\tBilled Duration: 2 ms\tMemory Size: 512 MB"
                        + "\tMax Memory Used: 87 MB\t");
        assertThat(result.billedDurationMs()).isEqualTo(2);
        assertThat(result.durationMs()).isEqualTo(1.25);
        assertThat(result.memorySizeMb()).isEqualTo(512);
        assertThat(result.architecture()).isEqualTo("arm64");
    }

    @Test
    void every_log_goes_to_the_sink_with_its_log_group_and_stream() {
        runtime.register(function("counter", handler(CountingHandler.class)));

        runtime.invoke("counter", NullNode.getInstance());

        assertThat(sink.logs).hasSize(1);
        LambdaInvocationLog log = sink.logs.get(0);
        assertThat(log.functionName()).isEqualTo("counter");
        assertThat(log.requestId()).isEqualTo(FIRST);
        assertThat(log.logGroupName()).isEqualTo("/aws/lambda/counter");
        assertThat(log.logStreamName()).isEqualTo("2026/11/28/[$LATEST]00000000000000000000000000000001");
    }

    @Test
    void output_of_code_outside_a_function_is_not_captured() {
        runtime.register(function("counter", handler(CountingHandler.class)));
        System.out.println("test output, not a function's");

        LambdaInvocationResult result = runtime.invoke("counter", NullNode.getInstance());

        assertThat(result.log().messages()).doesNotContain("test output, not a function's");
    }

    @Test
    void the_remaining_time_counts_down_from_the_timeout_on_the_injected_clock() {
        runtime.register(function("describer", ContextHandler.class.getName() + "::describe"));

        // The Timeout runs from the handler's start (the init has a limit of its own); getRemainingTimeInMillis
        // reads the clock one step (1.25 ms) later, so 3000 - 1.25 ms are left.
        LambdaInvocationResult result = runtime.invoke("describer", NullNode.getInstance());

        assertThat(result.payloadJson().get("remainingTimeInMillis").asInt()).isEqualTo(2998);
    }
}
