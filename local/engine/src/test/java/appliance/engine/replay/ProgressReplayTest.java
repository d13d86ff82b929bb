package appliance.engine.replay;

import static org.assertj.core.api.Assertions.assertThat;

import appliance.engine.definition.StateMachineDefinition;
import appliance.engine.history.ExecutionListener;
import appliance.engine.history.HistoryEvent;
import appliance.engine.run.Execution;
import appliance.engine.run.ExecutionIdentity;
import appliance.engine.run.ExecutionResult;
import appliance.engine.task.TaskInvoker;
import appliance.engine.time.VirtualTimeScheduler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Executions whose tasks reported progress (TaskSubmitted, ActivityStarted) resume from any point of their history. */
class ProgressReplayTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    private static final ExecutionIdentity IDENTITY = ExecutionIdentity.local("Callbacks", "run-1");
    private static final String DEFINITION = """
            {"StartAt": "Ask", "States": {
              "Ask": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                "Parameters": {"token.$": "$$.Task.Token"}, "ResultPath": "$.asked", "Next": "Review"},
              "Review": {"Type": "Task", "Resource": "arn:aws:states:us-east-1:123456789012:activity:Review",
                "ResultPath": "$.reviewed", "Next": "Slow"},
              "Slow": {"Type": "Task", "Resource": "arn:aws:states:us-east-1:123456789012:activity:Slow",
                "TimeoutSeconds": 20, "Catch": [{"ErrorEquals": ["States.Timeout"], "ResultPath": "$.late", "Next": "Done"}],
                "End": true},
              "Done": {"Type": "Pass", "End": true}}}""";

    /** Each task reports progress after 1 s and answers after 4 s (with its token); Slow never answers. */
    private static TaskInvoker tasks(VirtualTimeScheduler scheduler) {
        return request -> {
            CompletableFuture<JsonNode> answer = new CompletableFuture<>();
            scheduler.schedule(Duration.ofSeconds(1), () -> {
                request.progress().submitted(JSON.createObjectNode().put("MessageId", "m-" + request.stateName()));
                request.progress().started("worker-" + request.stateName());
            });
            if (!request.stateName().equals("Slow")) {
                scheduler.schedule(Duration.ofSeconds(4), () -> answer.complete(JSON.getNodeFactory().textNode(request.taskToken())));
            }
            return answer;
        };
    }

    private record Run(ExecutionResult result, List<HistoryEvent> history) {
    }

    private static Run uninterrupted() {
        VirtualTimeScheduler scheduler = new VirtualTimeScheduler(START);
        List<HistoryEvent> history = new ArrayList<>();
        Execution execution = Replay.start(definition(), JSON.createObjectNode(), IDENTITY, scheduler, tasks(scheduler),
                new SplittableRandom(42), collector(history));
        scheduler.runUntilIdle();
        return new Run(execution.result().toCompletableFuture().join(), history);
    }

    /** Resumes from the first {@code kept} events on a server started right after the last of them. */
    private static Run resumed(List<HistoryEvent> recorded, int kept) {
        List<HistoryEvent> prefix = recorded.subList(0, kept);
        VirtualTimeScheduler scheduler = new VirtualTimeScheduler(prefix.get(kept - 1).timestamp());
        List<HistoryEvent> added = new ArrayList<>();
        Execution execution = Replay.resume(definition(), JSON.createObjectNode(), IDENTITY, prefix.iterator(), scheduler,
                tasks(scheduler), new SplittableRandom(42), collector(added));
        scheduler.runUntilIdle();
        List<HistoryEvent> whole = new ArrayList<>(prefix);
        whole.addAll(added);
        return new Run(execution.result().toCompletableFuture().join(), whole);
    }

    @Test
    void an_execution_with_progress_events_resumed_after_any_event_ends_as_the_uninterrupted_run() {
        Run original = uninterrupted();
        assertThat(original.history()).extracting(HistoryEvent::type).contains("TaskSubmitted", "ActivityStarted",
                "ActivitySucceeded", "ActivityTimedOut");
        assertThat(original.result().output().path("asked").asText()).hasSize(36);

        for (int kept = 1; kept < original.history().size(); kept++) {
            Run resumed = resumed(original.history(), kept);

            // The tokens come out the same: a callback resumed after a restart still answers to its token.
            assertThat(resumed.result()).as("resumed after event %d", kept).isEqualTo(original.result());
            assertThat(resumed.history()).as("resumed after event %d", kept).extracting(HistoryEvent::type)
                    .containsExactlyElementsOf(original.history().stream().map(HistoryEvent::type).toList());
        }
    }

    @Test
    void progress_reported_while_a_parallel_branch_still_works_resumes_in_the_recorded_order() {
        String parallel = """
                {"StartAt": "Both", "States": {"Both": {"Type": "Parallel", "End": true, "Branches": [
                  {"StartAt": "Ask", "States": {"Ask": {"Type": "Task",
                    "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken", "End": true}}},
                  {"StartAt": "P1", "States": {
                    "P1": {"Type": "Pass", "Next": "P2"}, "P2": {"Type": "Pass", "Next": "P3"},
                    "P3": {"Type": "Pass", "End": true}}}]}}}""";
        // The service call returns at once, inside the task's own step: its TaskSubmitted comes while P1..P3 wait to run.
        java.util.function.Function<VirtualTimeScheduler, TaskInvoker> tasks = scheduler -> request -> {
            request.progress().submitted(JSON.createObjectNode().put("MessageId", "m"));
            CompletableFuture<JsonNode> answer = new CompletableFuture<>();
            scheduler.schedule(Duration.ofSeconds(2), () -> answer.complete(JSON.createObjectNode()));
            return answer;
        };
        VirtualTimeScheduler first = new VirtualTimeScheduler(START);
        List<HistoryEvent> original = new ArrayList<>();
        Execution run = Replay.start(compile(parallel), JSON.createObjectNode(), IDENTITY, first, tasks.apply(first),
                new SplittableRandom(1), collector(original));
        first.runUntilIdle();
        ExecutionResult result = run.result().toCompletableFuture().join();

        for (int kept = 1; kept < original.size(); kept++) {
            VirtualTimeScheduler later = new VirtualTimeScheduler(original.get(kept - 1).timestamp());
            List<HistoryEvent> added = new ArrayList<>();
            Execution resumed = Replay.resume(compile(parallel), JSON.createObjectNode(), IDENTITY,
                    original.subList(0, kept).iterator(), later, tasks.apply(later), new SplittableRandom(1), collector(added));
            later.runUntilIdle();

            assertThat(resumed.result().toCompletableFuture().join()).as("resumed after event %d", kept).isEqualTo(result);
        }
    }

    private static StateMachineDefinition definition() {
        return compile(DEFINITION);
    }

    private static StateMachineDefinition compile(String definition) {
        try {
            return StateMachineDefinition.compile(JSON.readTree(definition));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ExecutionListener collector(List<HistoryEvent> events) {
        return new ExecutionListener() {
            @Override
            public void onEvent(String executionArn, HistoryEvent event) {
                events.add(event);
            }
        };
    }
}
