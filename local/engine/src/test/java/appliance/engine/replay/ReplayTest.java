package appliance.engine.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import appliance.engine.definition.StateMachineDefinition;
import appliance.engine.error.StatesFailure;
import appliance.engine.history.ExecutionListener;
import appliance.engine.history.HistoryEvent;
import appliance.engine.run.Engine;
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
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReplayTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    private static final ExecutionIdentity IDENTITY = ExecutionIdentity.local("Resumable", "run-1");

    /** Parallel branches that interleave: a retried task and a UUID; a Wait then a Map of tasks. */
    private static final String DEFINITION = """
            {"StartAt": "Both", "States": {
              "Both": {"Type": "Parallel", "Next": "Done", "Branches": [
                {"StartAt": "Work", "States": {
                  "Work": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:work",
                    "Retry": [{"ErrorEquals": ["Custom.Flaky"], "IntervalSeconds": 2, "BackoffRate": 2.0}],
                    "Next": "Stamp"},
                  "Stamp": {"Type": "Pass", "Parameters": {"id.$": "States.UUID()", "work.$": "$"}, "End": true}}},
                {"StartAt": "Pause", "States": {
                  "Pause": {"Type": "Wait", "Seconds": 10, "Next": "Each"},
                  "Each": {"Type": "Map", "ItemsPath": "$.items", "MaxConcurrency": 2, "ItemProcessor": {
                    "ProcessorConfig": {"Mode": "INLINE"}, "StartAt": "Square", "States": {
                      "Square": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true}}},
                    "End": true}}}]},
              "Done": {"Type": "Pass", "End": true}}}""";
    private static final String INPUT = "{\"items\": [1, 2, 3], \"n\": 5}";

    /** Tasks answer after a delay that depends on what they were given; the first try of Work fails. */
    private static TaskInvoker tasks(VirtualTimeScheduler scheduler, AtomicInteger calls) {
        return request -> {
            calls.incrementAndGet();
            CompletableFuture<JsonNode> answer = new CompletableFuture<>();
            boolean work = request.stateName().equals("Work");
            long delay = work ? 3 : 1 + request.parameters().path("Payload").asLong(request.parameters().asLong());
            scheduler.schedule(Duration.ofSeconds(delay), () -> {
                if (work && request.attempt() == 0) {
                    answer.completeExceptionally(new StatesFailure("Custom.Flaky", "first try"));
                } else {
                    answer.complete(request.parameters());
                }
            });
            return answer;
        };
    }

    private record Run(ExecutionResult result, List<HistoryEvent> history, int calls) {
    }

    private static Run uninterrupted() {
        VirtualTimeScheduler scheduler = new VirtualTimeScheduler(START);
        AtomicInteger calls = new AtomicInteger();
        List<HistoryEvent> history = new ArrayList<>();
        Execution execution = Replay.start(definition(), json(INPUT), IDENTITY, scheduler, tasks(scheduler, calls),
                new SplittableRandom(42), collector(history));
        scheduler.runUntilIdle();
        return new Run(execution.result().toCompletableFuture().join(), history, calls.get());
    }

    /** Resumes from the first {@code kept} events, on a server started {@code later} after the last of them. */
    private static Run resumed(List<HistoryEvent> recorded, int kept, Duration later) {
        List<HistoryEvent> prefix = recorded.subList(0, kept);
        VirtualTimeScheduler scheduler = new VirtualTimeScheduler(prefix.get(kept - 1).timestamp().plus(later));
        AtomicInteger calls = new AtomicInteger();
        List<HistoryEvent> added = new ArrayList<>();
        Execution execution = Replay.resume(definition(), json(INPUT), IDENTITY, prefix.iterator(), scheduler,
                tasks(scheduler, calls), new SplittableRandom(42), collector(added));
        scheduler.runUntilIdle();
        List<HistoryEvent> whole = new ArrayList<>(prefix);
        whole.addAll(added);
        return new Run(execution.result().toCompletableFuture().join(), whole, calls.get());
    }

    @Test
    void an_execution_resumed_from_any_point_of_its_history_ends_as_the_uninterrupted_run() {
        Run original = uninterrupted();
        assertThat(original.result().output().path(0).path("id").asText()).hasSize(36);

        for (int kept = 1; kept < original.history().size(); kept++) {
            Run resumed = resumed(original.history(), kept, Duration.ofSeconds(30));

            assertThat(resumed.result()).as("resumed after event %d", kept).isEqualTo(original.result());
            // Tasks called again and timers already due end in another order than before, but every
            // recorded event is kept and the same events happen, once each.
            assertThat(resumed.history().subList(0, kept)).isEqualTo(original.history().subList(0, kept));
            assertThat(resumed.history()).as("resumed after event %d", kept).extracting(HistoryEvent::type)
                    .containsExactlyInAnyOrderElementsOf(original.history().stream().map(HistoryEvent::type).toList());
            assertThat(resumed.calls()).as("calls made again after event %d", kept).isLessThanOrEqualTo(original.calls());
        }
    }

    @Test
    void a_wait_in_progress_ends_at_its_original_time_and_a_task_in_flight_is_called_again() {
        Run original = uninterrupted();
        int waitEntered = indexOf(original.history(), "WaitStateEntered");
        int workStarted = indexOf(original.history(), "TaskStarted");

        Run afterWait = resumed(original.history(), waitEntered + 1, Duration.ofSeconds(3));
        Instant entered = original.history().get(waitEntered).timestamp();
        assertThat(afterWait.history().get(indexOf(afterWait.history(), "WaitStateExited")).timestamp())
                .isEqualTo(entered.plusSeconds(10));

        Run afterStart = resumed(original.history(), workStarted + 1, Duration.ofSeconds(3));
        assertThat(afterStart.calls()).isGreaterThanOrEqualTo(1);
        assertThat(afterStart.result()).isEqualTo(original.result());
    }

    @Test
    void a_history_of_another_definition_is_refused() {
        Run original = uninterrupted();
        StateMachineDefinition other = StateMachineDefinition.compile(json(
                "{\"StartAt\": \"Only\", \"States\": {\"Only\": {\"Type\": \"Wait\", \"Seconds\": 1, \"End\": true}}}"));
        VirtualTimeScheduler scheduler = new VirtualTimeScheduler(START);

        assertThatThrownBy(() -> Replay.resume(other, json(INPUT), IDENTITY, original.history().iterator(), scheduler,
                tasks(scheduler, new AtomicInteger()), new SplittableRandom(42), ExecutionListener.NONE))
                .isInstanceOf(ReplayDivergedException.class)
                .hasMessageContaining("event 2");
    }

    @Test
    void answers_that_come_while_steps_are_queued_are_taken_in_an_order_the_history_keeps() {
        // Tasks that answer at once, from inside the step that calls them: without the input gate their
        // answers would run between the Map's queued steps, in an order no history records.
        String definition = """
                {"StartAt": "Each", "States": {"Each": {"Type": "Map", "ItemsPath": "$.items", "MaxConcurrency": 2,
                  "ItemProcessor": {"ProcessorConfig": {"Mode": "INLINE"}, "StartAt": "T", "States": {
                    "T": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:f",
                      "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Caught"}], "End": true},
                    "Caught": {"Type": "Pass", "Result": "caught", "End": true}}},
                  "End": true}}}""";
        String input = "{\"items\": [1, 2, 3, 4, 5]}";
        TaskInvoker immediate = request -> request.parameters().asInt() % 2 == 0
                ? CompletableFuture.failedFuture(new StatesFailure("Custom.Even", "even"))
                : CompletableFuture.completedFuture(request.parameters());
        StateMachineDefinition machine = StateMachineDefinition.compile(json(definition));
        VirtualTimeScheduler scheduler = new VirtualTimeScheduler(START);
        List<HistoryEvent> original = new ArrayList<>();
        Execution first = Replay.start(machine, json(input), IDENTITY, scheduler, immediate, new SplittableRandom(1),
                collector(original));
        scheduler.runUntilIdle();

        for (int kept = 1; kept < original.size(); kept++) {
            VirtualTimeScheduler later = new VirtualTimeScheduler(START.plusSeconds(60));
            List<HistoryEvent> added = new ArrayList<>();
            Execution resumed = Replay.resume(machine, json(input), IDENTITY, original.subList(0, kept).iterator(), later,
                    immediate, new SplittableRandom(1), collector(added));
            later.runUntilIdle();

            assertThat(resumed.result().toCompletableFuture().join()).as("after event %d", kept)
                    .isEqualTo(first.result().toCompletableFuture().join());
            assertThat(added).as("after event %d", kept).extracting(HistoryEvent::type)
                    .isEqualTo(original.subList(kept, original.size()).stream().map(HistoryEvent::type).toList());
        }
    }

    @Test
    void times_read_while_a_state_ran_come_back_as_recorded() {
        String definition = """
                {"StartAt": "Pause", "States": {
                  "Pause": {"Type": "Wait", "Seconds": 7, "Next": "Stamp"},
                  "Stamp": {"Type": "Pass", "Parameters": {"entered.$": "$$.State.EnteredTime",
                    "started.$": "$$.Execution.StartTime", "id.$": "States.UUID()"}, "End": true}}}""";
        StateMachineDefinition machine = StateMachineDefinition.compile(json(definition));
        VirtualTimeScheduler scheduler = new VirtualTimeScheduler(START.plusMillis(123));
        List<HistoryEvent> original = new ArrayList<>();
        Execution first = Replay.start(machine, json("{}"), IDENTITY, scheduler, request -> null,
                new SplittableRandom(5), collector(original));
        scheduler.runUntilIdle();
        int stampEntered = indexOf(original, "PassStateEntered");

        VirtualTimeScheduler later = new VirtualTimeScheduler(START.plusSeconds(3600));
        Execution resumed = Replay.resume(machine, json("{}"), IDENTITY, original.subList(0, stampEntered + 1).iterator(),
                later, request -> null, new SplittableRandom(5), ExecutionListener.NONE);
        later.runUntilIdle();

        JsonNode output = resumed.result().toCompletableFuture().join().output();
        assertThat(output).isEqualTo(first.result().toCompletableFuture().join().output());
        assertThat(output.path("entered").asText()).isEqualTo("2026-03-01T10:00:07.123Z");
        assertThat(output.path("started").asText()).isEqualTo("2026-03-01T10:00:00.123Z");
    }

    private static ExecutionListener collector(List<HistoryEvent> events) {
        return new ExecutionListener() {
            @Override
            public void onEvent(String executionArn, HistoryEvent event) {
                events.add(event);
            }
        };
    }

    private static int indexOf(List<HistoryEvent> history, String type) {
        for (int i = 0; i < history.size(); i++) {
            if (history.get(i).type().equals(type)) {
                return i;
            }
        }
        throw new AssertionError("no " + type + " in the history");
    }

    private static StateMachineDefinition definition() {
        return StateMachineDefinition.compile(json(DEFINITION));
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
