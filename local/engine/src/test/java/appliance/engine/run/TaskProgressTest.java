package appliance.engine.run;

import static appliance.engine.run.Harness.json;
import static org.assertj.core.api.Assertions.assertThat;

import appliance.engine.error.StatesFailure;
import appliance.engine.history.HistoryEvent;
import appliance.engine.task.TaskRequest;
import appliance.engine.task.TaskScheduleFailure;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Callback and activity tasks: their token, the progress they report, and the events AWS writes for them. */
class TaskProgressTest {

    private static final String ACTIVITY = "arn:aws:states:us-east-1:123456789012:activity:Review";

    private final Harness harness = new Harness();

    private static HistoryEvent event(Harness.Ended ended, String type) {
        return ended.history().stream().filter(e -> e.type().equals(type)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " in " + ended.types()));
    }

    @Test
    void a_callback_task_records_task_submitted_with_the_service_response_then_succeeds_with_the_callback_output() {
        harness.tasks(request -> {
            CompletableFuture<JsonNode> answer = new CompletableFuture<>();
            harness.scheduler.schedule(Duration.ofSeconds(1), () -> request.progress().submitted(json("{\"MessageId\":\"m-1\"}")));
            harness.scheduler.schedule(Duration.ofSeconds(5), () -> answer.complete(json("{\"approved\":true}")));
            return answer;
        });
        var ended = harness.run("""
                {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                  "Parameters":{"MessageBody.$":"$$.Task.Token"},"End":true}}}""", "{}");

        assertThat(ended.types()).containsExactly("ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted",
                "TaskSubmitted", "TaskSucceeded", "TaskStateExited", "ExecutionSucceeded");
        HistoryEvent submitted = event(ended, "TaskSubmitted");
        assertThat(submitted.details().get("resourceType").asText()).isEqualTo("sqs");
        assertThat(submitted.details().get("resource").asText()).isEqualTo("sendMessage.waitForTaskToken");
        assertThat(submitted.details().get("output").asText()).isEqualTo("{\"MessageId\":\"m-1\"}");
        assertThat(event(ended, "TaskSucceeded").previousEventId()).isEqualTo(submitted.id());
        assertThat(ended.output()).isEqualTo(json("{\"approved\":true}"));
        assertThat(harness.calls.get(0).taskToken()).isEqualTo(harness.calls.get(0).parameters().get("MessageBody").asText());
    }

    @Test
    void progress_reported_twice_or_of_the_wrong_kind_is_recorded_once_or_not_at_all() {
        harness.tasks(request -> {
            request.progress().submitted(json("1"));
            request.progress().submitted(json("2"));
            request.progress().started("not an activity");
            return CompletableFuture.completedFuture(json("{}"));
        });
        var ended = harness.run("""
                {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::sns:publish.waitForTaskToken",
                  "End":true}}}""", "{}");

        assertThat(ended.types()).containsOnlyOnce("TaskSubmitted").doesNotContain("ActivityStarted");
        assertThat(event(ended, "TaskSubmitted").details().get("output").asText()).isEqualTo("1");
    }

    @Test
    void an_activity_task_is_scheduled_started_by_its_worker_and_succeeds_with_activity_events() {
        harness.tasks(request -> {
            CompletableFuture<JsonNode> answer = new CompletableFuture<>();
            harness.scheduler.schedule(Duration.ofSeconds(2), () -> request.progress().started("worker-1"));
            harness.scheduler.schedule(Duration.ofSeconds(3), () -> answer.complete(json("{\"ok\":1}")));
            return answer;
        });
        var ended = harness.run("""
                {"StartAt":"A","States":{"A":{"Type":"Task","Resource":"%s","TimeoutSeconds":60,
                  "HeartbeatSeconds":30,"End":true}}}""".formatted(ACTIVITY), "{\"n\":1}");

        assertThat(ended.types()).containsExactly("ExecutionStarted", "TaskStateEntered", "ActivityScheduled",
                "ActivityStarted", "ActivitySucceeded", "TaskStateExited", "ExecutionSucceeded");
        HistoryEvent scheduled = event(ended, "ActivityScheduled");
        assertThat(scheduled.detailsName()).isEqualTo("activityScheduledEventDetails");
        assertThat(scheduled.details().get("resource").asText()).isEqualTo(ACTIVITY);
        assertThat(scheduled.details().get("input").asText()).isEqualTo("{\"n\":1}");
        assertThat(scheduled.details().get("timeoutInSeconds").asInt()).isEqualTo(60);
        assertThat(scheduled.details().get("heartbeatInSeconds").asInt()).isEqualTo(30);
        assertThat(event(ended, "ActivityStarted").details().get("workerName").asText()).isEqualTo("worker-1");
        assertThat(event(ended, "ActivitySucceeded").detailsName()).isEqualTo("activitySucceededEventDetails");
        assertThat(event(ended, "ActivitySucceeded").details().get("output").asText()).isEqualTo("{\"ok\":1}");
        assertThat(harness.calls.get(0).taskToken()).hasSize(36);
    }

    @Test
    void an_activity_that_fails_records_activity_failed_with_its_error_and_cause() {
        harness.tasks(request -> CompletableFuture.failedFuture(new StatesFailure("Review.Rejected", "too late")));
        var ended = harness.run("""
                {"StartAt":"A","States":{"A":{"Type":"Task","Resource":"%s","End":true}}}""".formatted(ACTIVITY), "{}");

        assertThat(ended.types()).contains("ActivityFailed").doesNotContain("TaskFailed");
        assertThat(event(ended, "ActivityFailed").details().get("error").asText()).isEqualTo("Review.Rejected");
        assertThat(event(ended, "ActivityFailed").details().get("cause").asText()).isEqualTo("too late");
        assertThat(ended.result().error()).isEqualTo("Review.Rejected");
    }

    @Test
    void an_activity_that_is_not_there_is_not_scheduled_and_fails_the_execution_with_activity_schedule_failed() {
        harness.refuse(request -> new TaskScheduleFailure(StatesFailure.runtime("no such activity")));
        harness.tasks(request -> {
            throw new AssertionError("an activity that cannot be scheduled is not called");
        });
        var ended = harness.run("""
                {"StartAt":"A","States":{"A":{"Type":"Task","Resource":"%s","TimeoutSeconds":60,"End":true}}}"""
                .formatted(ACTIVITY), "{}");

        assertThat(ended.types()).containsExactly("ExecutionStarted", "TaskStateEntered", "ActivityScheduleFailed",
                "ExecutionFailed");
        HistoryEvent unscheduled = event(ended, "ActivityScheduleFailed");
        assertThat(unscheduled.detailsName()).isEqualTo("activityScheduleFailedEventDetails");
        assertThat(unscheduled.details().get("error").asText()).isEqualTo("States.Runtime");
        assertThat(unscheduled.details().get("cause").asText()).isEqualTo("no such activity");
        assertThat(ended.result().error()).isEqualTo("States.Runtime");
    }

    @Test
    void an_activity_found_missing_after_it_was_scheduled_records_activity_schedule_failed_not_activity_failed() {
        harness.tasks(request -> {
            CompletableFuture<JsonNode> answer = new CompletableFuture<>();
            harness.scheduler.schedule(Duration.ofSeconds(1),
                    () -> answer.completeExceptionally(new TaskScheduleFailure(StatesFailure.runtime("gone"))));
            return answer;
        });
        var ended = harness.run("""
                {"StartAt":"A","States":{"A":{"Type":"Task","Resource":"%s","End":true}}}""".formatted(ACTIVITY), "{}");

        assertThat(ended.types()).containsExactly("ExecutionStarted", "TaskStateEntered", "ActivityScheduled",
                "ActivityScheduleFailed", "ExecutionFailed");
        assertThat(event(ended, "ActivityScheduleFailed").details().get("cause").asText()).isEqualTo("gone");
    }

    @Test
    void an_activity_nobody_takes_times_out_by_its_timeout_seconds_and_its_invoker_hears_it() {
        CompletableFuture<Void> heard = new CompletableFuture<>();
        harness.tasks(request -> {
            request.progress().whenTimedOut(() -> heard.complete(null));
            return new CompletableFuture<>();
        });
        var ended = harness.run("""
                {"StartAt":"A","States":{"A":{"Type":"Task","Resource":"%s","HeartbeatSeconds":5,
                  "TimeoutSeconds":300,"End":true}}}""".formatted(ACTIVITY), "{}");

        assertThat(ended.types()).contains("ActivityTimedOut").doesNotContain("ActivityStarted");
        assertThat(event(ended, "ActivityTimedOut").detailsName()).isEqualTo("activityTimedOutEventDetails");
        // No worker took it, so no heartbeat was due: only TimeoutSeconds, counted from ActivityScheduled, ends it.
        assertThat(event(ended, "ActivityTimedOut").details().get("error").asText()).isEqualTo("States.Timeout");
        assertThat(Duration.between(event(ended, "ActivityScheduled").timestamp(),
                event(ended, "ActivityTimedOut").timestamp())).isEqualTo(Duration.ofSeconds(300));
        assertThat(ended.result().error()).isEqualTo("States.Timeout");
        assertThat(heard).isCompleted();
    }

    @Test
    void an_activity_heartbeat_clock_starts_when_a_worker_takes_the_task() {
        harness.tasks(request -> {
            harness.scheduler.schedule(Duration.ofSeconds(100), () -> request.progress().started("late-worker"));
            return new CompletableFuture<>();
        });
        var ended = harness.run("""
                {"StartAt":"A","States":{"A":{"Type":"Task","Resource":"%s","HeartbeatSeconds":5,
                  "TimeoutSeconds":300,"End":true}}}""".formatted(ACTIVITY), "{}");

        assertThat(ended.types()).containsSubsequence("ActivityScheduled", "ActivityStarted", "ActivityTimedOut");
        assertThat(event(ended, "ActivityTimedOut").details().get("error").asText()).isEqualTo("States.HeartbeatTimeout");
        assertThat(Duration.between(event(ended, "ActivityStarted").timestamp(),
                event(ended, "ActivityTimedOut").timestamp())).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void a_callback_task_that_times_out_tells_its_invoker_even_when_it_asks_afterwards() {
        List<TaskRequest> pending = new ArrayList<>();
        harness.tasks(request -> {
            pending.add(request);
            return new CompletableFuture<>();
        });
        var ended = harness.run("""
                {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken",
                  "TimeoutSeconds":30,"End":true}}}""", "{}");

        assertThat(ended.result().error()).isEqualTo("States.Timeout");
        assertThat(event(ended, "TaskTimedOut").details().get("error").asText()).isEqualTo("States.Timeout");
        CompletableFuture<Void> heard = new CompletableFuture<>();
        pending.get(0).progress().whenTimedOut(() -> heard.complete(null));
        assertThat(heard).isCompleted();
    }
}
