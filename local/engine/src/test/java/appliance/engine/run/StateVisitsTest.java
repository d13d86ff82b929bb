package appliance.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import appliance.engine.error.StatesFailure;
import appliance.engine.history.StateVisit;
import appliance.engine.history.StateVisits;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The one reader of state visits, on histories chained as AWS chains them. */
class StateVisitsTest {

    private final Harness harness = new Harness();

    private static List<String> read(List<StateVisit> visits) {
        return visits.stream().map(v -> v.name() + " " + v.status() + " " + v.events().stream()
                .map(e -> e.type().replace("State", "")).toList()).toList();
    }

    @Test
    void a_retried_then_caught_task_is_caught_with_its_last_error_and_the_catcher_runs_next() {
        harness.tasks(request -> CompletableFuture.failedFuture(new StatesFailure("Boom", "it broke")));
        var ended = harness.run("""
                {"StartAt":"T","States":{
                  "T":{"Type":"Task","Resource":"arn:aws:states:::my:task","Next":"Done",
                    "Retry":[{"ErrorEquals":["Boom"],"MaxAttempts":1,"IntervalSeconds":1}],
                    "Catch":[{"ErrorEquals":["States.ALL"],"Next":"Handled"}]},
                  "Done":{"Type":"Succeed"},
                  "Handled":{"Type":"Pass","End":true}}}""", "{}");
        List<StateVisit> visits = StateVisits.of(ended.history());
        assertThat(visits).extracting(StateVisit::name).containsExactly("T", "Handled");
        StateVisit task = visits.get(0);
        assertThat(task.status()).isEqualTo(StateVisit.Status.CAUGHT);
        assertThat(task.retries()).isEqualTo(1);
        assertThat(task.lastFailure().details().get("cause").asText()).isEqualTo("it broke");
        assertThat(visits.get(1).status()).isEqualTo(StateVisit.Status.SUCCEEDED);
    }

    @Test
    void an_activity_retried_after_a_failure_counts_its_attempts_and_keeps_its_result() {
        harness.tasks(request -> request.attempt() == 0
                ? CompletableFuture.failedFuture(new StatesFailure("Worker.Lost", "gone"))
                : CompletableFuture.completedFuture(Harness.json("{\"ok\":true}")));
        var ended = harness.run("""
                {"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:states:us-east-1:123456789012:activity:Review",
                  "Retry":[{"ErrorEquals":["Worker.Lost"],"IntervalSeconds":1}],"End":true}}}""", "{}");
        StateVisit activity = StateVisits.of(ended.history()).get(0);
        assertThat(activity.status()).isEqualTo(StateVisit.Status.SUCCEEDED);
        assertThat(activity.retries()).isEqualTo(1);
        assertThat(activity.taskResult().type()).isEqualTo("ActivitySucceeded");
    }

    @Test
    void map_events_belong_to_the_map_and_an_iteration_s_fail_state_fails() {
        var ended = harness.run("""
                {"StartAt":"M","States":{"M":{"Type":"Map","MaxConcurrency":1,"End":true,
                  "ItemProcessor":{"StartAt":"C","States":{
                    "C":{"Type":"Choice","Choices":[{"Variable":"$","NumericEquals":2,"Next":"F"}],"Default":"P"},
                    "P":{"Type":"Pass","End":true},
                    "F":{"Type":"Fail","Error":"Two","Cause":"two is not allowed"}}}}}}""", "[1,2]");
        assertThat(read(StateVisits.of(ended.history()))).containsExactly(
                "M FAILED [MapEntered, MapStarted, MapIterationStarted, MapIterationSucceeded, MapIterationStarted, "
                        + "MapIterationFailed, MapFailed, ExecutionFailed]",
                "C SUCCEEDED [ChoiceEntered, ChoiceExited]",
                "P SUCCEEDED [PassEntered, PassExited]",
                "C SUCCEEDED [ChoiceEntered, ChoiceExited]",
                "F FAILED [FailEntered]");
    }

    @Test
    void a_jsonata_failure_belongs_to_its_state_though_it_links_to_the_event_before_it() {
        var ended = harness.run("""
                {"QueryLanguage":"JSONata","StartAt":"A","States":{
                  "A":{"Type":"Pass","Next":"B"},
                  "B":{"Type":"Pass","Output":"{% $nothing %}","End":true}}}""", "{}");
        List<StateVisit> visits = StateVisits.of(ended.history());
        assertThat(read(visits)).containsExactly("A SUCCEEDED [PassEntered, PassExited]",
                "B FAILED [PassEntered, EvaluationFailed, ExecutionFailed]");
        JsonNode failure = visits.get(1).lastFailure().details();
        assertThat(failure.get("error").asText()).isEqualTo("States.QueryEvaluationError");
    }

    @Test
    void parallel_branches_keep_their_own_events_and_a_failing_branch_cancels_its_sibling() {
        var ended = harness.run("""
                {"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[
                  {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":10,"End":true}}},
                  {"StartAt":"F","States":{"F":{"Type":"Fail","Error":"E"}}}]}}}""", "{}");
        assertThat(read(StateVisits.of(ended.history()))).containsExactly(
                "P FAILED [ParallelEntered, ParallelStarted, ParallelFailed, ExecutionFailed]",
                "W CANCELLED [WaitEntered]",
                "F FAILED [FailEntered]");
    }

    @Test
    void a_running_execution_s_current_state_is_running() {
        Execution execution = harness.start("""
                {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":10,"End":true}}}""", "{}");
        harness.scheduler.advanceBy(Duration.ofSeconds(1));
        assertThat(StateVisits.of(execution.history())).singleElement()
                .extracting(StateVisit::status).isEqualTo(StateVisit.Status.RUNNING);
    }
}
