package appliance.engine.run;

import static appliance.engine.run.Harness.json;
import static org.assertj.core.api.Assertions.assertThat;

import appliance.engine.definition.StateMachineDefinition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WaitTest {

    private final Harness harness = new Harness();

    private Duration waited(Harness.Ended ended) {
        return Duration.between(Harness.START, ended.history().get(ended.history().size() - 1).timestamp());
    }

    @Test
    void seconds_and_seconds_path_wait_in_virtual_time() {
        assertThat(waited(harness.run("{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":3600,\"End\":true}}}", "{}")))
                .isEqualTo(Duration.ofHours(1));
        assertThat(waited(new Harness().run("{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"SecondsPath\":\"$.s\",\"End\":true}}}", "{\"s\":90}")))
                .isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void timestamp_waits_until_then_and_a_past_timestamp_does_not_wait() {
        assertThat(waited(harness.run("{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Timestamp\":\"2024-05-01T13:00:00Z\",\"End\":true}}}", "{}")))
                .isEqualTo(Duration.ofHours(1));
        assertThat(waited(new Harness().run("{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"TimestampPath\":\"$.t\",\"End\":true}}}",
                "{\"t\":\"2000-01-01T00:00:00+02:00\"}"))).isEqualTo(Duration.ZERO);
    }

    @Test
    void bad_seconds_path_values_fail_with_aws_causes() {
        String definition = "{\"StartAt\":\"WaitState\",\"States\":{\"WaitState\":{\"Type\":\"Wait\",\"SecondsPath\":\"$.s\",\"End\":true}}}";
        assertThat(harness.run(definition, "{\"s\":-1}").result().cause()).isEqualTo("An error occurred while executing the "
                + "state 'WaitState' (entered at the event id #2). The SecondsPath parameter references a negative value: $.s == -1");
        assertThat(new Harness().run(definition, "{\"s\":1.5}").result().cause()).endsWith(
                "The SecondsPath parameter cannot be parsed as a long value: $.s == 1.5");
    }

    @Test
    void a_bad_timestamp_path_value_fails_with_the_aws_cause() {
        var ended = harness.run("{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"TimestampPath\":\"$.t\",\"End\":true}}}",
                "{\"t\":\"2016-12-05 21:29:29Z\"}");
        assertThat(ended.result().cause()).endsWith("The TimestampPath parameter does not reference a valid ISO-8601 "
                + "extended offset date-time format string: $.t == 2016-12-05 21:29:29Z");
    }

    @Test
    void ten_thousand_executions_parked_in_wait_hold_no_thread_and_all_finish() {
        StateMachineDefinition definition = StateMachineDefinition.compile(json(
                "{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":60,\"Next\":\"P\"},\"P\":{\"Type\":\"Pass\",\"End\":true}}}"));
        Engine engine = new Engine(harness.scheduler, r -> null, new SplittableRandom(1));
        List<Execution> executions = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            executions.add(engine.start(definition, json("{\"i\":" + i + "}"), ExecutionIdentity.local("M", "e" + i), null));
        }
        harness.scheduler.advanceBy(Duration.ofSeconds(30));
        // Every execution is parked on a timer: nothing runs, no thread is held (all ran on this one).
        assertThat(harness.scheduler.pending()).isEqualTo(10_000);
        assertThat(executions).allSatisfy(e -> assertThat(e.result().toCompletableFuture().isDone()).isFalse());
        harness.scheduler.runUntilIdle();
        assertThat(executions).allSatisfy(e -> assertThat(e.result().toCompletableFuture().join().status())
                .isEqualTo(ExecutionStatus.SUCCEEDED));
    }
}
