package appliance.engine.run;

import static appliance.engine.run.Harness.json;
import static org.assertj.core.api.Assertions.assertThat;

import appliance.engine.error.StatesFailure;
import appliance.engine.history.HistoryEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ParallelMapTest {

    private final Harness harness = new Harness();

    @Test
    void parallel_outputs_are_in_branch_order_and_result_selector_applies_to_the_array() {
        var ended = harness.run("""
                {"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,
                  "ResultSelector":{"first.$":"$[0]","second.$":"$[1].v"},
                  "Branches":[
                    {"StartAt":"A","States":{"A":{"Type":"Pass","Result":"a","End":true}}},
                    {"StartAt":"B","States":{"B":{"Type":"Wait","Seconds":5,"Next":"B2"},
                                             "B2":{"Type":"Pass","Parameters":{"v.$":"$.in"},"End":true}}}]}}}""",
                "{\"in\":7}");
        assertThat(ended.output()).isEqualTo(json("{\"first\":\"a\",\"second\":7}"));
    }

    @Test
    void a_failing_branch_fails_the_parallel_with_its_error_and_catch_can_take_it() {
        var ended = harness.run("""
                {"StartAt":"P","States":{
                  "P":{"Type":"Parallel","Next":"Done","Catch":[{"ErrorEquals":["Bad"],"Next":"Caught"}],
                  "Branches":[
                    {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":100,"Next":"Late"},
                                             "Late":{"Type":"Pass","End":true}}},
                    {"StartAt":"F","States":{"F":{"Type":"Fail","Error":"Bad","Cause":"because"}}}]},
                  "Done":{"Type":"Pass","End":true},
                  "Caught":{"Type":"Pass","End":true}}}""", "{}");
        assertThat(ended.output()).isEqualTo(json("{\"Error\":\"Bad\",\"Cause\":\"because\"}"));
        assertThat(ended.types()).containsSubsequence("FailStateEntered", "ParallelStateFailed", "ParallelStateExited");
        assertThat(ended.types()).doesNotContain("ParallelStateSucceeded");
        assertThat(ended.history().stream().filter(e -> e.type().equals("PassStateEntered"))
                .map(e -> e.details().get("name").asText())).containsExactly("Caught");
    }

    @Test
    void branch_variables_see_the_outer_ones_and_do_not_leak_out() {
        var ended = harness.run("""
                {"StartAt":"Set","States":{
                  "Set":{"Type":"Pass","Assign":{"x":1},"Next":"P"},
                  "P":{"Type":"Parallel","Next":"Read","Branches":[
                    {"StartAt":"In","States":{"In":{"Type":"Pass","Assign":{"inner":2},"Next":"Use"},
                                              "Use":{"Type":"Pass","Parameters":{"x.$":"$x","inner.$":"$inner"},"End":true}}}]},
                  "Read":{"Type":"Pass","Parameters":{"branch.$":"$[0]"},"End":true}}}""", "{}");
        assertThat(ended.output()).isEqualTo(json("{\"branch\":{\"x\":1,\"inner\":2}}"));
        var leak = new Harness().run("""
                {"StartAt":"P","States":{
                  "P":{"Type":"Parallel","Next":"Read","Branches":[
                    {"StartAt":"In","States":{"In":{"Type":"Pass","Assign":{"inner":2},"End":true}}}]},
                  "Read":{"Type":"Pass","Parameters":{"v.$":"$inner"},"End":true}}}""", "{}");
        assertThat(leak.result().error()).isEqualTo("States.Runtime");
    }

    @Test
    void map_runs_each_item_through_the_item_selector_with_index_and_value() {
        var ended = harness.run("""
                {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items","End":true,
                  "ItemSelector":{"i.$":"$$.Map.Item.Index","v.$":"$$.Map.Item.Value","tag.$":"$.tag"},
                  "ItemProcessor":{"ProcessorConfig":{"Mode":"INLINE"},"StartAt":"X",
                    "States":{"X":{"Type":"Pass","End":true}}}}}}""",
                "{\"items\":[\"a\",\"b\"],\"tag\":\"t\"}");
        assertThat(ended.output()).isEqualTo(json("[{\"i\":0,\"v\":\"a\",\"tag\":\"t\"},{\"i\":1,\"v\":\"b\",\"tag\":\"t\"}]"));
    }

    @Test
    void map_with_max_concurrency_one_runs_iterations_one_after_another() {
        var ended = harness.run("""
                {"StartAt":"M","States":{"M":{"Type":"Map","MaxConcurrency":1,"End":true,
                  "Iterator":{"StartAt":"X","States":{"X":{"Type":"Pass","End":true}}}}}}""", "[1,2]");
        assertThat(ended.types()).containsExactly("ExecutionStarted", "MapStateEntered", "MapStateStarted",
                "MapIterationStarted", "PassStateEntered", "PassStateExited", "MapIterationSucceeded",
                "MapIterationStarted", "PassStateEntered", "PassStateExited", "MapIterationSucceeded",
                "MapStateSucceeded", "MapStateExited", "ExecutionSucceeded");
        HistoryEvent started = ended.history().get(2);
        assertThat(started.details().get("length").asInt()).isEqualTo(2);
        assertThat(ended.output()).isEqualTo(json("[1,2]"));
    }

    @Test
    void map_over_an_empty_array_gives_an_empty_array() {
        var ended = harness.run("""
                {"StartAt":"M","States":{"M":{"Type":"Map","End":true,
                  "ItemProcessor":{"StartAt":"X","States":{"X":{"Type":"Pass","End":true}}}}}}""", "[]");
        assertThat(ended.output()).isEqualTo(json("[]"));
    }

    @Test
    void a_failing_iteration_fails_the_map_with_its_error_and_retry_reruns_the_whole_map() {
        int[] calls = {0};
        harness.tasks(r -> {
            calls[0]++;
            return r.parameters().asInt() == 2 && calls[0] < 4
                    ? CompletableFuture.failedFuture(new StatesFailure("ItemFailed", "item 2"))
                    : CompletableFuture.<JsonNode>completedFuture(r.parameters());
        });
        var ended = harness.run("""
                {"StartAt":"M","States":{"M":{"Type":"Map","MaxConcurrency":1,"End":true,
                  "Retry":[{"ErrorEquals":["ItemFailed"],"MaxAttempts":1}],
                  "ItemProcessor":{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::sns:publish","End":true}}}}}}""",
                "[1,2]");
        assertThat(ended.output()).isEqualTo(json("[1,2]"));
        // AWS writes MapStateFailed only when the state gives up: a retried Map just starts again.
        assertThat(ended.types()).containsSubsequence("MapIterationFailed", "MapStateStarted", "MapStateSucceeded")
                .doesNotContain("MapStateFailed");
    }

    @Test
    void map_tolerates_failures_up_to_the_count() {
        var ended = harness.run("""
                {"StartAt":"M","States":{"M":{"Type":"Map","ToleratedFailureCount":1,"End":true,
                  "ItemProcessor":{"StartAt":"C","States":{"C":{"Type":"Fail","Error":"E","Cause":"c"}}}}}}""", "[1]");
        assertThat(ended.result().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        var exceeded = new Harness().run("""
                {"StartAt":"M","States":{"M":{"Type":"Map","ToleratedFailureCount":1,"End":true,
                  "ItemProcessor":{"StartAt":"C","States":{"C":{"Type":"Fail","Error":"E","Cause":"c"}}}}}}""", "[1,2]");
        assertThat(exceeded.result().error()).isEqualTo("States.ExceedToleratedFailureThreshold");
    }

    @Test
    void map_items_that_are_not_an_array_fail_the_state() {
        var ended = harness.run("""
                {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.x","End":true,
                  "ItemProcessor":{"StartAt":"X","States":{"X":{"Type":"Pass","End":true}}}}}}""", "{\"x\":1}");
        assertThat(ended.result().error()).isEqualTo("States.Runtime");
        assertThat(ended.result().cause()).startsWith("An error occurred while executing the state 'M' (entered at the event id #2).");
    }

    @Test
    void an_item_the_selector_cannot_shape_fails_the_map_and_stops_the_running_iterations() {
        var ended = harness.run("""
                {"StartAt":"M","States":{"M":{"Type":"Map","MaxConcurrency":1,"End":true,
                  "ItemSelector":{"v.$":"$$.Map.Item.Value.v"},
                  "ItemProcessor":{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":5,"End":true}}}}}}""",
                "[{\"v\":1},{\"nov\":2},{\"v\":3}]");
        assertThat(ended.result().error()).isEqualTo("States.Runtime");
        assertThat(ended.result().cause()).contains("'v.$'");
        assertThat(ended.types().stream().filter("MapIterationStarted"::equals)).hasSize(1);
        // States.Runtime fails the execution at once: AWS writes no MapStateFailed for it.
        assertThat(ended.types()).containsSubsequence("MapIterationSucceeded", "ExecutionFailed")
                .doesNotContain("MapStateFailed");
    }

    @Test
    void only_the_first_matching_retrier_applies_even_when_a_later_one_would_match() {
        int[] calls = {0};
        harness.tasks(r -> {
            calls[0]++;
            return CompletableFuture.failedFuture(new StatesFailure("E", "x"));
        });
        harness.run("""
                {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::sns:publish","End":true,
                  "Retry":[{"ErrorEquals":["E"],"MaxAttempts":1},{"ErrorEquals":["E"],"MaxAttempts":1}]}}}""", "{}");
        // Only the first matching retrier applies; once it is spent, the error goes on.
        assertThat(calls[0]).isEqualTo(2);
    }
}
