package appliance.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import appliance.engine.history.HistoryEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * previousEventId as AWS writes it (the rules the recorded histories in ../shared/conformance show):
 * each line below is "id/previousEventId type".
 */
class HistoryChainTest {

    private final Harness harness = new Harness();

    private static List<String> chain(Harness.Ended ended) {
        return ended.history().stream().map(HistoryChainTest::line).toList();
    }

    private static String line(HistoryEvent event) {
        return event.id() + "/" + event.previousEventId() + " " + event.type();
    }

    @Test
    void map_iterations_link_past_the_iteration_ends_and_the_exit_links_past_map_state_succeeded() {
        var ended = harness.run("""
                {"StartAt":"M","States":{"M":{"Type":"Map","MaxConcurrency":1,"End":true,
                  "ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}}}}""", "[1,2]");
        assertThat(chain(ended)).containsExactly("1/0 ExecutionStarted", "2/0 MapStateEntered", "3/2 MapStateStarted",
                "4/3 MapIterationStarted", "5/4 PassStateEntered", "6/5 PassStateExited", "7/6 MapIterationSucceeded",
                "8/6 MapIterationStarted", "9/8 PassStateEntered", "10/9 PassStateExited",
                "11/10 MapIterationSucceeded", "12/11 MapStateSucceeded", "13/11 MapStateExited",
                "14/13 ExecutionSucceeded");
    }

    @Test
    void a_failed_iteration_is_written_aside_and_the_map_fails_once() {
        var ended = harness.run("""
                {"StartAt":"M","States":{"M":{"Type":"Map","End":true,
                  "Retry":[{"ErrorEquals":["E"],"MaxAttempts":1,"IntervalSeconds":1}],
                  "ItemProcessor":{"StartAt":"F","States":{"F":{"Type":"Fail","Error":"E"}}}}}}""", "[1]");
        assertThat(chain(ended)).containsExactly("1/0 ExecutionStarted", "2/0 MapStateEntered", "3/2 MapStateStarted",
                "4/3 MapIterationStarted", "5/4 FailStateEntered", "6/5 MapIterationFailed",
                "7/5 MapStateStarted", "8/7 MapIterationStarted", "9/8 FailStateEntered", "10/9 MapIterationFailed",
                "11/9 MapStateFailed", "12/11 ExecutionFailed");
    }

    @Test
    void parallel_state_succeeded_is_written_aside_and_the_exit_links_to_the_last_branch_event() {
        var ended = harness.run("""
                {"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[
                  {"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}]}}}""", "{}");
        assertThat(chain(ended)).containsExactly("1/0 ExecutionStarted", "2/0 ParallelStateEntered",
                "3/2 ParallelStateStarted", "4/3 PassStateEntered", "5/4 PassStateExited",
                "6/5 ParallelStateSucceeded", "7/5 ParallelStateExited", "8/7 ExecutionSucceeded");
    }

    @Test
    void a_jsonata_failure_writes_evaluation_failed_with_its_field_before_the_execution_fails() {
        var ended = harness.run("""
                {"QueryLanguage":"JSONata","StartAt":"A","States":{
                  "A":{"Type":"Pass","Next":"B"},
                  "B":{"Type":"Pass","Output":{"r":"{% $nothing %}"},"End":true}}}""", "{}");
        assertThat(chain(ended)).containsExactly("1/0 ExecutionStarted", "2/0 PassStateEntered", "3/2 PassStateExited",
                "4/3 PassStateEntered", "5/3 EvaluationFailed", "6/5 ExecutionFailed");
        var details = ended.history().get(4).details();
        assertThat(details.get("error").asText()).isEqualTo("States.QueryEvaluationError");
        assertThat(details.get("location").asText()).isEqualTo("Output/r");
        assertThat(details.get("state").asText()).isEqualTo("B");
        assertThat(details.get("cause").asText()).isEqualTo(ended.result().cause());
    }

    @Test
    void a_distributed_map_writes_its_map_run_and_no_iteration_events() {
        var ended = harness.run("""
                {"StartAt":"M","States":{"M":{"Type":"Map","End":true,
                  "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
                    "StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}}}}""", "[1,2]");
        assertThat(chain(ended)).containsExactly("1/0 ExecutionStarted", "2/0 MapStateEntered", "3/2 MapStateStarted",
                "4/3 MapRunStarted", "5/4 MapRunSucceeded", "6/5 MapStateSucceeded", "7/5 MapStateExited",
                "8/7 ExecutionSucceeded");
        assertThat(ended.history().get(3).details().get("mapRunArn").asText())
                .matches("arn:aws:states:us-east-1:123456789012:mapRun:TestMachine/M:[0-9a-f-]{36}");
        assertThat(ended.output()).isEqualTo(Harness.json("[1,2]"));
    }
}
