package appliance.engine.run;

import static appliance.engine.run.Harness.json;
import static org.assertj.core.api.Assertions.assertThat;

import appliance.engine.error.StatesFailure;
import appliance.engine.history.HistoryEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryCatchTest {

    /** A catcher that takes nothing, so the Handled state stays reachable. */
    private static final String NEVER = "[{\"ErrorEquals\":[\"Never\"],\"Next\":\"Handled\"}]";

    private final Harness harness = new Harness();

    private static CompletableFuture<JsonNode> failing(String error, String cause) {
        return CompletableFuture.failedFuture(new StatesFailure(error, cause));
    }

    private static String task(String retry, String catchers) {
        return """
                {"StartAt":"T","States":{
                  "T":{"Type":"Task","Resource":"arn:aws:states:::sns:publish","Parameters":{"n":1},
                       "Retry":%s,"Catch":%s,"End":true},
                  "Handled":{"Type":"Pass","End":true}}}""".formatted(retry, catchers);
    }

    private List<Duration> gapsBetweenScheduledTasks(List<HistoryEvent> history) {
        List<HistoryEvent> scheduled = history.stream().filter(e -> e.type().equals("TaskScheduled")).toList();
        return java.util.stream.IntStream.range(1, scheduled.size())
                .mapToObj(i -> Duration.between(scheduled.get(i - 1).timestamp(), scheduled.get(i).timestamp()))
                .toList();
    }

    @Test
    void retries_back_off_by_the_rate_in_virtual_time_then_the_error_fails_the_execution() {
        harness.tasks(r -> failing("Boom", "it broke"));
        var ended = harness.run(task("[{\"ErrorEquals\":[\"Boom\"],\"IntervalSeconds\":1,\"MaxAttempts\":3,\"BackoffRate\":2}]", NEVER), "{}");
        assertThat(harness.calls).hasSize(4);
        assertThat(gapsBetweenScheduledTasks(ended.history()))
                .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(ended.result().error()).isEqualTo("Boom");
        assertThat(ended.result().cause()).isEqualTo("it broke");
    }

    @Test
    void max_delay_seconds_caps_the_interval() {
        harness.tasks(r -> failing("Boom", "x"));
        var ended = harness.run(task("[{\"ErrorEquals\":[\"States.ALL\"],\"IntervalSeconds\":3,\"MaxAttempts\":3,"
                + "\"BackoffRate\":3,\"MaxDelaySeconds\":5}]", NEVER), "{}");
        assertThat(gapsBetweenScheduledTasks(ended.history()))
                .containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    @Test
    void full_jitter_never_waits_longer_than_the_backoff() {
        harness.tasks(r -> failing("Boom", "x"));
        var ended = harness.run(task("[{\"ErrorEquals\":[\"States.ALL\"],\"IntervalSeconds\":10,\"MaxAttempts\":2,"
                + "\"JitterStrategy\":\"FULL\"}]", NEVER), "{}");
        List<Duration> gaps = gapsBetweenScheduledTasks(ended.history());
        assertThat(gaps.get(0)).isLessThanOrEqualTo(Duration.ofSeconds(10));
        assertThat(gaps.get(1)).isLessThanOrEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void max_attempts_zero_means_no_retry() {
        harness.tasks(r -> failing("Boom", "x"));
        harness.run(task("[{\"ErrorEquals\":[\"Boom\"],\"MaxAttempts\":0}]", NEVER), "{}");
        assertThat(harness.calls).hasSize(1);
    }

    @Test
    void a_retry_that_succeeds_continues_and_the_context_counts_the_retries() {
        AtomicInteger calls = new AtomicInteger();
        harness.tasks(r -> calls.incrementAndGet() < 3 ? failing("Boom", "x")
                : CompletableFuture.completedFuture(r.context().path("State").path("RetryCount")));
        var ended = harness.run(task("[{\"ErrorEquals\":[\"Boom\"]}]", NEVER), "{}");
        assertThat(ended.result().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(ended.output()).isEqualTo(json("2"));
    }

    @Test
    void catch_puts_error_and_cause_at_its_result_path_and_goes_to_its_next() {
        harness.tasks(r -> failing("Boom", "it broke"));
        var ended = harness.run(task("[]", "[{\"ErrorEquals\":[\"States.ALL\"],\"ResultPath\":\"$.err\",\"Next\":\"Handled\"}]"),
                "{\"keep\":1}");
        assertThat(ended.output()).isEqualTo(json("{\"keep\":1,\"err\":{\"Error\":\"Boom\",\"Cause\":\"it broke\"}}"));
        assertThat(ended.types()).containsSubsequence("TaskFailed", "TaskStateExited", "PassStateEntered");
    }

    @Test
    void the_first_matching_catcher_wins_and_task_failed_takes_task_errors() {
        harness.tasks(r -> failing("Custom", "c"));
        var ended = harness.run(task("[]", "[{\"ErrorEquals\":[\"Other\"],\"Next\":\"Handled\",\"ResultPath\":\"$.other\"},"
                + "{\"ErrorEquals\":[\"States.TaskFailed\"],\"Next\":\"Handled\",\"ResultPath\":\"$.taskFailed\"}]"), "{}");
        assertThat(ended.output().has("taskFailed")).isTrue();
    }

    @Test
    void states_all_does_not_catch_states_runtime() {
        harness.echoTasks();
        var ended = harness.run("""
                {"StartAt":"T","States":{
                  "T":{"Type":"Task","Resource":"arn:aws:states:::sns:publish","OutputPath":"$.no.such",
                       "Retry":[{"ErrorEquals":["States.ALL"]}],
                       "Catch":[{"ErrorEquals":["States.ALL"],"Next":"Handled"}],"End":true},
                  "Handled":{"Type":"Pass","End":true}}}""", "{}");
        assertThat(harness.calls).hasSize(1);
        assertThat(ended.result().error()).isEqualTo("States.Runtime");
    }

    @Test
    void states_all_does_not_catch_data_limit_exceeded_but_naming_it_does() {
        String big = "x".repeat(300 * 1024);
        harness.tasks(r -> CompletableFuture.completedFuture(json("\"" + big + "\"")));
        var all = harness.run(task("[]", "[{\"ErrorEquals\":[\"States.ALL\"],\"Next\":\"Handled\"}]"), "{}");
        assertThat(all.result().error()).isEqualTo("States.DataLimitExceeded");
        var named = new Harness().tasks(r -> CompletableFuture.completedFuture(json("\"" + big + "\"")))
                .run(task("[]", "[{\"ErrorEquals\":[\"States.DataLimitExceeded\"],\"Next\":\"Handled\",\"ResultPath\":null}]"), "{}");
        assertThat(named.result().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }

    @Test
    void a_task_past_its_timeout_fails_with_states_timeout_which_task_failed_does_not_catch() {
        harness.tasks(r -> new CompletableFuture<>());
        var ended = harness.run("""
                {"StartAt":"T","States":{
                  "T":{"Type":"Task","Resource":"arn:aws:states:::sns:publish","TimeoutSeconds":30,
                       "Catch":[{"ErrorEquals":["States.TaskFailed"],"Next":"Handled"}],"End":true},
                  "Handled":{"Type":"Pass","End":true}}}""", "{}");
        assertThat(ended.result().error()).isEqualTo("States.Timeout");
        assertThat(ended.types()).contains("TaskTimedOut");
        assertThat(Duration.between(Harness.START, ended.history().get(ended.history().size() - 1).timestamp()))
                .isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void the_machine_timeout_ends_the_execution_as_timed_out() {
        var ended = harness.run("""
                {"TimeoutSeconds":5,"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":60,"End":true}}}""", "{}");
        assertThat(ended.result().status()).isEqualTo(ExecutionStatus.TIMED_OUT);
        assertThat(ended.result().error()).isNull();
        assertThat(ended.types()).containsExactly("ExecutionStarted", "WaitStateEntered", "ExecutionTimedOut");
    }
}
