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
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * A redriven run's timers start from the redrive: an execution whose TimeoutSeconds ran out, or whose
 * task timed out, does not time out again at once on its first run's clock. Virtual time throughout.
 */
class RedriveTimersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    private static final ExecutionIdentity IDENTITY = ExecutionIdentity.local("Redriven", "run-1");
    private static final Duration LATER = Duration.ofHours(2);

    private record Run(ExecutionResult result, List<HistoryEvent> history) {
    }

    /** A task that never answers: the first run ends by a timeout. */
    private static Run firstRun(String definition) {
        VirtualTimeScheduler scheduler = new VirtualTimeScheduler(START);
        List<HistoryEvent> history = new ArrayList<>();
        Execution execution = Replay.start(machine(definition), json("{}"), IDENTITY, scheduler,
                request -> new CompletableFuture<>(), new SplittableRandom(1), collector(history));
        scheduler.runUntilIdle();
        return new Run(execution.result().toCompletableFuture().join(), history);
    }

    /** Redriven {@link #LATER} after the first run ended, from its first {@code kept} events; the task now answers in 5 s. */
    private static Run redriven(String definition, List<HistoryEvent> original, int kept, boolean restartTimers) {
        Instant redriveAt = original.get(original.size() - 1).timestamp().plus(LATER);
        VirtualTimeScheduler scheduler = new VirtualTimeScheduler(redriveAt);
        TaskInvoker answersIn5s = request -> {
            CompletableFuture<JsonNode> answer = new CompletableFuture<>();
            scheduler.schedule(Duration.ofSeconds(5), () -> answer.complete(json("{\"done\":true}")));
            return answer;
        };
        List<HistoryEvent> added = new ArrayList<>();
        List<TimerRestart> restarts = restartTimers ? List.of(new TimerRestart(kept, redriveAt)) : List.of();
        Execution execution = Replay.resume(machine(definition), json("{}"), IDENTITY,
                original.subList(0, kept).iterator(), scheduler, answersIn5s, new SplittableRandom(1),
                collector(added), UnaryOperator.identity(), restarts);
        scheduler.runUntilIdle();
        return new Run(execution.result().toCompletableFuture().join(), added);
    }

    @Test
    void a_task_that_timed_out_is_called_again_with_its_timeout_counted_from_the_redrive() {
        String definition = """
                {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                  "TimeoutSeconds":30,"End":true}}}""";
        Run first = firstRun(definition);
        assertThat(first.result().error()).isEqualTo("States.Timeout");
        int kept = indexOf(first.history(), "TaskTimedOut"); // as a redrive: up to the failed task's answer

        Run again = redriven(definition, first.history(), kept, true);

        // The task is scheduled again at the redrive, its events following the last kept one.
        assertThat(types(again)).containsExactly("TaskScheduled", "TaskStarted", "TaskSucceeded", "TaskStateExited",
                "ExecutionSucceeded");
        assertThat(again.history().get(0).previousEventId()).isEqualTo(kept);
        assertThat(again.history().get(0).id()).isEqualTo(kept + 1);
        assertThat(again.history().get(0).timestamp())
                .isEqualTo(first.history().get(first.history().size() - 1).timestamp().plus(LATER));
        assertThat(again.result().output()).isEqualTo(json("{\"done\":true}"));
        // The old clock, kept: the task times out at once, as before the fix.
        assertThat(types(redriven(definition, first.history(), kept, false))).startsWith("TaskTimedOut");
    }

    @Test
    void an_execution_whose_timeout_seconds_ran_out_gets_its_whole_timeout_again_from_the_redrive() {
        String definition = """
                {"TimeoutSeconds":60,"StartAt":"T","States":{"T":{"Type":"Task",
                  "Resource":"arn:aws:states:::lambda:invoke","End":true}}}""";
        Run first = firstRun(definition);
        assertThat(first.history().get(first.history().size() - 1).type()).isEqualTo("ExecutionTimedOut");
        int kept = first.history().size() - 1; // as a redrive: everything but the ending

        Run again = redriven(definition, first.history(), kept, true);

        assertThat(types(again)).containsExactly("TaskScheduled", "TaskStarted", "TaskSucceeded", "TaskStateExited",
                "ExecutionSucceeded");
        assertThat(types(redriven(definition, first.history(), kept, false))).containsExactly("ExecutionTimedOut");
    }

    @Test
    void the_redrive_timeout_still_fires_when_the_called_again_task_is_too_slow() {
        String definition = """
                {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                  "TimeoutSeconds":3,"End":true}}}""";
        Run first = firstRun(definition);
        int kept = indexOf(first.history(), "TaskTimedOut");

        Run again = redriven(definition, first.history(), kept, true);

        assertThat(types(again)).startsWith("TaskScheduled", "TaskStarted", "TaskTimedOut");
        Instant redriveAt = first.history().get(first.history().size() - 1).timestamp().plus(LATER);
        assertThat(again.history().get(2).timestamp()).isEqualTo(redriveAt.plusSeconds(3));
    }

    private static List<String> types(Run run) {
        return run.history().stream().map(HistoryEvent::type).toList();
    }

    private static int indexOf(List<HistoryEvent> history, String type) {
        for (int i = 0; i < history.size(); i++) {
            if (history.get(i).type().equals(type)) {
                return i;
            }
        }
        throw new AssertionError("no " + type + " in the history");
    }

    private static ExecutionListener collector(List<HistoryEvent> events) {
        return new ExecutionListener() {
            @Override
            public void onEvent(String executionArn, HistoryEvent event) {
                events.add(event);
            }
        };
    }

    private static StateMachineDefinition machine(String text) {
        return StateMachineDefinition.compile(json(text));
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
