package appliance.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ActivityDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ActivityListItem;
import software.amazon.awssdk.services.sfn.model.CreateActivityResponse;
import software.amazon.awssdk.services.sfn.model.GetActivityTaskResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.InvalidNameException;
import software.amazon.awssdk.services.sfn.model.ListActivitiesResponse;
import software.amazon.awssdk.services.sfn.model.Tag;

/** Activities through the AWS SDK: their actions, and a worker that takes and answers an activity task. */
class ActivityActionsTest {

    @TempDir
    Path folder;

    private static String machine(ServerFixture fixture, String activityArn, String extra) {
        return fixture.createMachine("UsesActivity", """
                {"StartAt":"Review","States":{"Review":{"Type":"Task","Resource":"%s",%s"End":true}}}"""
                .formatted(activityArn, extra));
    }

    /** A worker's GetActivityTask, polling on its own thread (it waits until a task comes). */
    private static CompletableFuture<GetActivityTaskResponse> worker(SfnClient sfn, String activityArn, String name) {
        return CompletableFuture.supplyAsync(() -> sfn.getActivityTask(r -> r.activityArn(activityArn).workerName(name)));
    }

    @Test
    void create_is_idempotent_by_name_and_describe_list_and_delete_answer_as_aws() {
        try (ServerFixture fixture = new ServerFixture()) {
            SfnClient sfn = fixture.sfn;
            CreateActivityResponse created = sfn.createActivity(r -> r.name("Review")
                    .tags(Tag.builder().key("team").value("kitchen").build()));
            CreateActivityResponse again = sfn.createActivity(r -> r.name("Review"));
            sfn.createActivity(r -> r.name("Pack"));
            sfn.createActivity(r -> r.name("Ship"));

            assertThat(created.activityArn()).isEqualTo("arn:aws:states:us-east-1:123456789012:activity:Review");
            assertThat(again.activityArn()).isEqualTo(created.activityArn());
            assertThat(again.creationDate()).isEqualTo(created.creationDate());
            var described = sfn.describeActivity(r -> r.activityArn(created.activityArn()));
            assertThat(described.name()).isEqualTo("Review");
            assertThat(described.creationDate()).isEqualTo(created.creationDate());

            ListActivitiesResponse first = sfn.listActivities(r -> r.maxResults(2));
            ListActivitiesResponse second = sfn.listActivities(r -> r.maxResults(2).nextToken(first.nextToken()));
            assertThat(first.activities()).extracting(ActivityListItem::name).containsExactly("Review", "Pack");
            assertThat(second.activities()).extracting(ActivityListItem::name).containsExactly("Ship");
            assertThat(second.nextToken()).isNull();

            sfn.deleteActivity(r -> r.activityArn(created.activityArn()));
            assertThatThrownBy(() -> sfn.describeActivity(r -> r.activityArn(created.activityArn())))
                    .isInstanceOf(ActivityDoesNotExistException.class).hasMessageContaining(created.activityArn());
            assertThat(sfn.listActivities(r -> { }).activities()).extracting(ActivityListItem::name)
                    .containsExactly("Pack", "Ship");
        }
    }

    @Test
    void bad_names_and_arns_are_refused_with_aws_errors() {
        try (ServerFixture fixture = new ServerFixture()) {
            assertThatThrownBy(() -> fixture.sfn.createActivity(r -> r.name("has space")))
                    .isInstanceOf(InvalidNameException.class);
            assertThatThrownBy(() -> fixture.sfn.describeActivity(r -> r.activityArn("arn:aws:states:us-east-1:123456789012:stateMachine:X")))
                    .isInstanceOf(InvalidArnException.class);
            assertThatThrownBy(() -> fixture.sfn.getActivityTask(r -> r.activityArn("arn:aws:states:us-east-1:123456789012:activity:None")))
                    .isInstanceOf(ActivityDoesNotExistException.class);
        }
    }

    @Test
    void the_tags_given_at_creation_are_kept_on_the_activity() {
        try (ServerFixture fixture = new ServerFixture()) {
            String arn = fixture.sfn.createActivity(r -> r.name("Tagged").tags(Tag.builder().key("a").value("1").build(),
                    Tag.builder().key("b").value("2").build())).activityArn();

            assertThat(fixture.server.activityTags(arn)).containsExactly(java.util.Map.entry("a", "1"), java.util.Map.entry("b", "2"));
            assertThat(fixture.sfn.listTagsForResource(r -> r.resourceArn(arn)).tags())
                    .extracting(Tag::key, Tag::value).containsExactly(org.assertj.core.groups.Tuple.tuple("a", "1"),
                            org.assertj.core.groups.Tuple.tuple("b", "2"));

            fixture.sfn.untagResource(r -> r.resourceArn(arn).tagKeys("a"));
            fixture.sfn.deleteActivity(r -> r.activityArn(arn));
            String again = fixture.sfn.createActivity(r -> r.name("Tagged")).activityArn();

            assertThat(fixture.sfn.listTagsForResource(r -> r.resourceArn(again)).tags()).isEmpty();
        }
    }

    @Test
    void a_worker_takes_the_task_heartbeats_and_answers_and_the_history_shows_activity_events() throws Exception {
        try (ServerFixture fixture = new ServerFixture()) {
            SfnClient sfn = fixture.sfn;
            String activity = sfn.createActivity(r -> r.name("Review")).activityArn();
            String machine = machine(fixture, activity, "\"HeartbeatSeconds\":60,\"TimeoutSeconds\":300,");
            CompletableFuture<GetActivityTaskResponse> polling = worker(sfn, activity, "worker-1");
            String execution = sfn.startExecution(r -> r.stateMachineArn(machine).input("{\"dish\":\"soup\"}")).executionArn();

            GetActivityTaskResponse task = polling.get(10, TimeUnit.SECONDS);
            assertThat(task.input()).isEqualTo("{\"dish\":\"soup\"}");
            sfn.sendTaskHeartbeat(r -> r.taskToken(task.taskToken()));
            sfn.sendTaskSuccess(r -> r.taskToken(task.taskToken()).output("{\"tasted\":true}"));

            assertThat(fixture.awaitFinished(execution)).isEqualTo("SUCCEEDED");
            assertThat(sfn.describeExecution(r -> r.executionArn(execution)).output()).isEqualTo("{\"tasted\":true}");
            List<HistoryEvent> history = sfn.getExecutionHistory(r -> r.executionArn(execution)).events();
            assertThat(history).extracting(HistoryEvent::typeAsString).containsExactly("ExecutionStarted",
                    "TaskStateEntered", "ActivityScheduled", "ActivityStarted", "ActivitySucceeded", "TaskStateExited",
                    "ExecutionSucceeded");
            assertThat(history.get(2).activityScheduledEventDetails().resource()).isEqualTo(activity);
            assertThat(history.get(2).activityScheduledEventDetails().heartbeatInSeconds()).isEqualTo(60L);
            assertThat(history.get(2).activityScheduledEventDetails().timeoutInSeconds()).isEqualTo(300L);
            assertThat(history.get(3).activityStartedEventDetails().workerName()).isEqualTo("worker-1");
            assertThat(history.get(4).activitySucceededEventDetails().output()).isEqualTo("{\"tasted\":true}");
        }
    }

    @Test
    void a_task_whose_activity_does_not_exist_records_activity_schedule_failed_and_the_execution_fails() throws Exception {
        try (ServerFixture fixture = new ServerFixture()) {
            SfnClient sfn = fixture.sfn;
            String missing = "arn:aws:states:us-east-1:123456789012:activity:NeverCreated";
            String machine = machine(fixture, missing, "");
            String execution = sfn.startExecution(r -> r.stateMachineArn(machine).input("{}")).executionArn();

            assertThat(fixture.awaitFinished(execution)).isEqualTo("FAILED");
            List<HistoryEvent> history = sfn.getExecutionHistory(r -> r.executionArn(execution)).events();
            assertThat(history).extracting(HistoryEvent::typeAsString).containsExactly("ExecutionStarted",
                    "TaskStateEntered", "ActivityScheduleFailed", "ExecutionFailed");
            assertThat(history.get(2).activityScheduleFailedEventDetails().error()).isEqualTo("States.Runtime");
            assertThat(history.get(2).activityScheduleFailedEventDetails().cause()).contains(missing);
            assertThat(sfn.describeExecution(r -> r.executionArn(execution)).error()).isEqualTo("States.Runtime");
        }
    }

    @Test
    void an_execution_failed_by_a_missing_activity_redriven_once_it_exists_schedules_it() throws Exception {
        try (ServerFixture fixture = new ServerFixture()) {
            SfnClient sfn = fixture.sfn;
            String activity = "arn:aws:states:us-east-1:123456789012:activity:Later";
            String machine = machine(fixture, activity, "");
            String execution = sfn.startExecution(r -> r.stateMachineArn(machine).input("{}")).executionArn();
            assertThat(fixture.awaitFinished(execution)).isEqualTo("FAILED");

            sfn.createActivity(r -> r.name("Later"));
            sfn.redriveExecution(r -> r.executionArn(execution));
            GetActivityTaskResponse task = worker(sfn, activity, "w").get(10, TimeUnit.SECONDS);
            sfn.sendTaskSuccess(r -> r.taskToken(task.taskToken()).output("{\"late\":true}"));

            assertThat(fixture.awaitFinished(execution)).isEqualTo("SUCCEEDED");
            List<String> types = sfn.getExecutionHistory(r -> r.executionArn(execution)).events().stream()
                    .map(HistoryEvent::typeAsString).toList();
            assertThat(types).containsSubsequence("ActivityScheduleFailed", "ExecutionFailed", "ExecutionRedriven",
                    "ActivityScheduled", "ActivityStarted", "ActivitySucceeded", "ExecutionSucceeded");
        }
    }

    @Test
    void an_execution_failed_by_its_worker_redriven_gives_the_activity_task_to_a_worker_again() throws Exception {
        try (ServerFixture fixture = new ServerFixture()) {
            SfnClient sfn = fixture.sfn;
            String activity = sfn.createActivity(r -> r.name("Flaky")).activityArn();
            String machine = machine(fixture, activity, "");
            String execution = sfn.startExecution(r -> r.stateMachineArn(machine).input("{\"dish\":\"stew\"}")).executionArn();
            GetActivityTaskResponse first = worker(sfn, activity, "w1").get(10, TimeUnit.SECONDS);
            sfn.sendTaskFailure(r -> r.taskToken(first.taskToken()).error("Burnt").cause("too hot"));
            assertThat(fixture.awaitFinished(execution)).isEqualTo("FAILED");

            sfn.redriveExecution(r -> r.executionArn(execution));
            GetActivityTaskResponse second = worker(sfn, activity, "w2").get(10, TimeUnit.SECONDS);
            sfn.sendTaskSuccess(r -> r.taskToken(second.taskToken()).output("{\"fine\":true}"));

            assertThat(second.input()).isEqualTo("{\"dish\":\"stew\"}");
            assertThat(fixture.awaitFinished(execution)).isEqualTo("SUCCEEDED");
            List<String> types = sfn.getExecutionHistory(r -> r.executionArn(execution)).events().stream()
                    .map(HistoryEvent::typeAsString).toList();
            // The step's task is scheduled again after ExecutionRedriven, and started when a worker takes it.
            int redriven = types.indexOf("ExecutionRedriven");
            assertThat(types.subList(redriven, types.size())).containsExactly("ExecutionRedriven",
                    "ActivityScheduled", "ActivityStarted", "ActivitySucceeded", "TaskStateExited", "ExecutionSucceeded");
            List<HistoryEvent> events = sfn.getExecutionHistory(r -> r.executionArn(execution)).events();
            RedriveTest.assertChainedAfterRedrive(events, redriven);
            assertThat(events.get(redriven + 2).activityStartedEventDetails().workerName()).isEqualTo("w2");
            assertThat(second.taskToken()).as("the task scheduled again has a token of its own")
                    .isNotEqualTo(first.taskToken());
        }
    }

    @Test
    void a_redriven_activity_task_a_worker_took_before_a_restart_is_replayed_after_the_redrive() throws Exception {
        String execution;
        String activity;
        try (ServerFixture fixture = new ServerFixture(folder)) {
            SfnClient sfn = fixture.sfn;
            activity = sfn.createActivity(r -> r.name("Flaky")).activityArn();
            String machine = machine(fixture, activity, "");
            execution = sfn.startExecution(r -> r.stateMachineArn(machine).input("{\"dish\":\"stew\"}")).executionArn();
            GetActivityTaskResponse first = worker(sfn, activity, "w1").get(10, TimeUnit.SECONDS);
            sfn.sendTaskFailure(r -> r.taskToken(first.taskToken()).error("Burnt").cause("too hot"));
            assertThat(fixture.awaitFinished(execution)).isEqualTo("FAILED");
            sfn.redriveExecution(r -> r.executionArn(execution));
            worker(sfn, activity, "w2").get(10, TimeUnit.SECONDS);
        }
        try (ServerFixture fixture = new ServerFixture(folder)) {
            SfnClient sfn = fixture.sfn;
            GetActivityTaskResponse again = worker(sfn, activity, "w3").get(10, TimeUnit.SECONDS);
            sfn.sendTaskSuccess(r -> r.taskToken(again.taskToken()).output("{\"fine\":true}"));

            assertThat(fixture.awaitFinished(execution)).isEqualTo("SUCCEEDED");
            List<HistoryEvent> events = sfn.getExecutionHistory(r -> r.executionArn(execution).maxResults(1000)).events();
            List<String> types = events.stream().map(HistoryEvent::typeAsString).toList();
            int redriven = types.indexOf("ExecutionRedriven");
            assertThat(types.subList(redriven, types.size())).as("the redrive's events replayed, none made twice")
                    .startsWith("ExecutionRedriven", "ActivityScheduled", "ActivityStarted")
                    .endsWith("ActivitySucceeded", "TaskStateExited", "ExecutionSucceeded")
                    .containsOnlyOnce("ActivityScheduled");
            assertThat(events.get(redriven + 2).activityStartedEventDetails().workerName()).isEqualTo("w2");
            RedriveTest.assertChainedAfterRedrive(events, redriven);
        }
    }

    @Test
    void a_worker_that_reports_failure_fails_the_task_with_activity_failed() throws Exception {
        try (ServerFixture fixture = new ServerFixture()) {
            SfnClient sfn = fixture.sfn;
            String activity = sfn.createActivity(r -> r.name("Review")).activityArn();
            String machine = machine(fixture, activity, "");
            String execution = sfn.startExecution(r -> r.stateMachineArn(machine)).executionArn();
            GetActivityTaskResponse task = worker(sfn, activity, "worker-2").get(10, TimeUnit.SECONDS);

            sfn.sendTaskFailure(r -> r.taskToken(task.taskToken()).error("Review.Burnt").cause("too long in the oven"));

            assertThat(fixture.awaitFinished(execution)).isEqualTo("FAILED");
            List<HistoryEvent> history = sfn.getExecutionHistory(r -> r.executionArn(execution)).events();
            HistoryEvent failed = history.stream().filter(e -> e.typeAsString().equals("ActivityFailed")).findFirst().orElseThrow();
            assertThat(failed.activityFailedEventDetails().error()).isEqualTo("Review.Burnt");
            assertThat(failed.activityFailedEventDetails().cause()).isEqualTo("too long in the oven");
        }
    }

    @Test
    void a_poll_with_no_task_in_time_answers_with_no_token() {
        try (ServerFixture fixture = new ServerFixture()) {
            fixture.server.activityPollLimit(Duration.ZERO);
            String activity = fixture.sfn.createActivity(r -> r.name("Idle")).activityArn();

            GetActivityTaskResponse task = fixture.sfn.getActivityTask(r -> r.activityArn(activity));

            assertThat(task.taskToken()).isNull();
            assertThat(task.input()).isNull();
        }
    }

    @Test
    void an_activity_task_nobody_takes_times_out_and_is_not_handed_out_afterwards() throws Exception {
        try (ServerFixture fixture = new ServerFixture(new ServerOptions("127.0.0.1", 0, null, null, null, 0.0))) {
            fixture.server.activityPollLimit(Duration.ZERO);
            String activity = fixture.sfn.createActivity(r -> r.name("Late")).activityArn();
            String machine = machine(fixture, activity, "\"TimeoutSeconds\":10,");
            String execution = fixture.sfn.startExecution(r -> r.stateMachineArn(machine)).executionArn();

            assertThat(fixture.awaitFinished(execution)).isEqualTo("FAILED");
            List<HistoryEvent> history = fixture.sfn.getExecutionHistory(r -> r.executionArn(execution)).events();
            HistoryEvent timedOut = history.stream().filter(e -> e.typeAsString().equals("ActivityTimedOut")).findFirst()
                    .orElseThrow();
            assertThat(timedOut.activityTimedOutEventDetails().error()).isEqualTo("States.Timeout");
            assertThat(fixture.sfn.getActivityTask(r -> r.activityArn(activity)).taskToken()).isNull();
        }
    }

    @Test
    void activities_and_a_task_waiting_for_a_worker_survive_a_restart() throws Exception {
        Path database = folder.resolve("db");
        String activity;
        String execution;
        try (ServerFixture first = new ServerFixture(database)) {
            activity = first.sfn.createActivity(r -> r.name("Durable").tags(Tag.builder().key("k").value("v").build()))
                    .activityArn();
            first.sfn.createActivity(r -> r.name("Deleted"));
            first.sfn.deleteActivity(r -> r.activityArn(activity.replace("Durable", "Deleted")));
            String machine = machine(first, activity, "");
            execution = first.sfn.startExecution(r -> r.stateMachineArn(machine).input("{\"n\":1}")).executionArn();
        }

        try (ServerFixture second = new ServerFixture(database)) {
            assertThat(second.sfn.listActivities(r -> { }).activities()).extracting(ActivityListItem::name)
                    .containsExactly("Durable");
            assertThat(second.server.activityTags(activity)).containsEntry("k", "v");
            GetActivityTaskResponse task = worker(second.sfn, activity, "after-restart").get(10, TimeUnit.SECONDS);
            assertThat(task.input()).isEqualTo("{\"n\":1}");
            second.sfn.sendTaskSuccess(r -> r.taskToken(task.taskToken()).output("{\"done\":1}"));

            assertThat(second.awaitFinished(execution)).isEqualTo("SUCCEEDED");
            assertThat(second.sfn.getExecutionHistory(r -> r.executionArn(execution)).events())
                    .extracting(HistoryEvent::typeAsString).containsOnlyOnce("ActivityScheduled", "ActivityStarted");
        }
    }
}
