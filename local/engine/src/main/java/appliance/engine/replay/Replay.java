package appliance.engine.replay;

import appliance.engine.definition.StateMachineDefinition;
import appliance.engine.history.ExecutionListener;
import appliance.engine.history.HistoryEvent;
import appliance.engine.run.Engine;
import appliance.engine.run.Execution;
import appliance.engine.run.ExecutionIdentity;
import appliance.engine.run.ExecutionResult;
import appliance.engine.task.TaskInvoker;
import appliance.engine.time.Scheduler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;

/**
 * Resumes an execution from the history it recorded before its server stopped (an execution begun by
 * {@link #start}, whose inputs come in one at a time, so its history fixes the order of its steps). The execution runs
 * again from its start on the replaying thread, deterministically: the clock reads the recorded
 * timestamps, each task is answered with its recorded result (never called), each timer (Wait, retry
 * backoff, timeouts) fires where the history says it fired, and the randomness is the execution's own
 * (give the generator the seed the execution started with, so States.UUID, {@code $random} and jitter
 * come out as recorded). Each event made is checked against the recorded one and not heard again.
 *
 * <p>Once the history is used up the execution is live: a Wait or a backoff still pending fires at its
 * original time on {@code live}; a task whose answer was not recorded is called again (it was in
 * flight); new events go to {@code listener}. The execution then ends as an uninterrupted run would.
 */
public final class Replay {

    private static final Set<String> TASK_ANSWERS = Set.of("TaskSucceeded", "TaskFailed",
            "LambdaFunctionSucceeded", "LambdaFunctionFailed", "ActivitySucceeded", "ActivityFailed");
    private static final Set<String> TASK_TIMEOUTS = Set.of("TaskTimedOut", "LambdaFunctionTimedOut", "ActivityTimedOut");
    /** What a task in flight reported before it answered. */
    private static final Set<String> TASK_PROGRESS = Set.of("TaskSubmitted", "ActivityStarted");

    private Replay() {
    }

    /**
     * Starts an execution that can be resumed from its history: its history goes to {@code listener}
     * only (a store that writes each event as it comes), and what comes from outside (task answers,
     * timers) is let in one input at a time when the execution has nothing left to do, so the order
     * of its events depends on the order of its inputs alone, which the history keeps.
     */
    public static Execution start(StateMachineDefinition definition, JsonNode input, ExecutionIdentity identity,
            Scheduler scheduler, TaskInvoker tasks, RandomGenerator random, ExecutionListener listener) {
        return start(definition, input, identity, scheduler, tasks, random, listener, UnaryOperator.identity());
    }

    /** {@link #start}, on an engine {@code setup} completes (with where its Map Runs and S3 objects go). */
    public static Execution start(StateMachineDefinition definition, JsonNode input, ExecutionIdentity identity,
            Scheduler scheduler, TaskInvoker tasks, RandomGenerator random, ExecutionListener listener,
            UnaryOperator<Engine> setup) {
        InputGate gate = new InputGate(scheduler);
        return setup.apply(new Engine(gate, gate.gated(tasks), random)).startStreaming(definition, input, identity,
                listener);
    }

    /**
     * @param recorded the execution's recorded events in id order, read as the replay reaches them
     * @return the execution, live, with the history caught up (its {@code history()} is empty: the
     *     listener keeps it)
     * @throws ReplayDivergedException when running it again does not make the recorded history
     */
    public static Execution resume(StateMachineDefinition definition, JsonNode input, ExecutionIdentity identity,
            Iterator<HistoryEvent> recorded, Scheduler live, TaskInvoker tasks, RandomGenerator random,
            ExecutionListener listener) {
        return resume(definition, input, identity, recorded, live, tasks, random, listener, UnaryOperator.identity());
    }

    /** {@link #resume}, on an engine {@code setup} completes. */
    public static Execution resume(StateMachineDefinition definition, JsonNode input, ExecutionIdentity identity,
            Iterator<HistoryEvent> recorded, Scheduler live, TaskInvoker tasks, RandomGenerator random,
            ExecutionListener listener, UnaryOperator<Engine> setup) {
        return resume(definition, input, identity, recorded, live, tasks, random, listener, setup, List.of());
    }

    /**
     * {@link #resume} of a history with redrives in it: as the replay passes each redrive's last kept
     * event, the timers then pending start again from the redrive ({@link TimerRestart}), and the tasks
     * then in flight (the failed step's) are scheduled again, their events linked after that kept event
     * (the store links them to its ExecutionRedriven), as AWS writes a redriven step.
     */
    public static Execution resume(StateMachineDefinition definition, JsonNode input, ExecutionIdentity identity,
            Iterator<HistoryEvent> recorded, Scheduler live, TaskInvoker tasks, RandomGenerator random,
            ExecutionListener listener, UnaryOperator<Engine> setup, List<TimerRestart> redrives) {
        Deque<TimerRestart> restarts = new ArrayDeque<>(redrives);
        RecordedHistory history = new RecordedHistory(recorded);
        // Live again, the execution goes on as one started by start() does: through an input gate.
        InputGate gate = new InputGate(live);
        ReplayScheduler scheduler = new ReplayScheduler(gate, history);
        ReplayTasks replayTasks = new ReplayTasks(gate.gated(tasks));
        Checker checker = new Checker(history, scheduler, replayTasks, listener);
        Execution execution = setup.apply(new Engine(scheduler, replayTasks, random)).startStreaming(definition, input,
                identity, checker);
        while (true) {
            scheduler.runReady();
            if (checker.divergence != null) {
                throw new ReplayDivergedException(checker.divergence);
            }
            // Checked once the steps that followed the kept event have run: they set the timers too.
            boolean redone = false;
            while (!restarts.isEmpty() && scheduler.latestEventId() >= restarts.peek().afterEventId()) {
                TimerRestart restart = restarts.poll();
                scheduler.restartTimers(restart.at());
                // The tasks in flight at the redrive are scheduled again then, after its event.
                scheduler.replaying(restart.at());
                redone |= replayTasks.redo(restart.afterEventId());
            }
            if (redone) {
                continue;
            }
            if (!history.hasNext()) {
                break;
            }
            HistoryEvent next = history.peek();
            scheduler.replaying(next.timestamp());
            if (!feed(next, execution, scheduler, replayTasks)) {
                throw new ReplayDivergedException("Replaying the history could not make event " + next.id() + " ("
                        + next.type() + "): nothing the execution waits for gives it");
            }
        }
        scheduler.goLive();
        replayTasks.goLive();
        return execution;
    }

    /** Gives the execution what made the next recorded event: a task's answer, a timer, a stop. */
    private static boolean feed(HistoryEvent next, Execution execution, ReplayScheduler scheduler,
            ReplayTasks tasks) {
        String type = next.type();
        if (TASK_ANSWERS.contains(type)) {
            return tasks.answer(next.previousEventId(), next);
        }
        if (TASK_PROGRESS.contains(type)) {
            return tasks.progress(next.previousEventId(), next);
        }
        if (TASK_TIMEOUTS.contains(type)) {
            // The timer was set after the task started, before any progress event the timeout follows.
            return scheduler.fire(tasks.forget(next.previousEventId()));
        }
        if ("ExecutionAborted".equals(type)) {
            ObjectNode details = next.details();
            execution.stop(text(details, "error"), text(details, "cause"));
            return true;
        }
        return scheduler.fire("ExecutionTimedOut".equals(type) ? 1 : next.previousEventId());
    }

    private static String text(ObjectNode details, String field) {
        JsonNode value = details == null ? null : details.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** Checks each event made against the recorded one; passes on only what the history does not have. */
    private static final class Checker implements ExecutionListener {
        private final RecordedHistory history;
        private final ReplayScheduler scheduler;
        private final ReplayTasks tasks;
        private final ExecutionListener listener;
        private String divergence;

        Checker(RecordedHistory history, ReplayScheduler scheduler, ReplayTasks tasks, ExecutionListener listener) {
            this.history = history;
            this.scheduler = scheduler;
            this.tasks = tasks;
            this.listener = listener;
        }

        @Override
        public void onEvent(String executionArn, HistoryEvent event) {
            boolean beyond = !history.hasNext();
            if (!beyond && divergence == null) {
                HistoryEvent expected = history.take();
                if (expected.id() != event.id() || expected.previousEventId() != event.previousEventId()
                        || !expected.type().equals(event.type())) {
                    divergence = "The execution run again made event " + event.id() + " " + event.type()
                            + " (after " + event.previousEventId() + ") where the history has " + expected.id() + " "
                            + expected.type() + " (after " + expected.previousEventId() + ")";
                }
            }
            scheduler.recorded(event.id(), beyond);
            tasks.recorded(event.id());
            if (beyond && divergence == null) {
                listener.onEvent(executionArn, event);
            }
        }

        @Override
        public void onFinished(String executionArn, ExecutionResult result) {
            if (divergence == null) {
                listener.onFinished(executionArn, result);
            }
        }
    }
}
