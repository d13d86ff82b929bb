package appliance.engine.replay;

import appliance.engine.task.TaskInvoker;
import appliance.engine.task.TaskProgress;
import appliance.engine.task.TaskScheduleFailure;
import appliance.engine.task.TaskRequest;
import appliance.engine.time.Scheduler;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Makes one execution replayable: what comes from outside (a task's answer, a timer firing) is let in
 * only when the execution has nothing left to do, one input at a time, and the execution then runs
 * until it has nothing left to do again. The order of its steps then depends only on the order of its
 * inputs, which its history records (each input's first event), so a {@link Replay} that gives the
 * recorded inputs in the recorded order makes the very same history. A task's progress (TaskSubmitted,
 * ActivityStarted) is an input too. (Without the gate an answer that
 * arrives while steps are queued runs between them, in an order the history does not keep.)
 *
 * <p>Time stands still while the execution works on one input: every reading of the clock until it has
 * nothing left to do gives the moment the input was let in, which is the timestamp of the first event it
 * makes. A replay reads that timestamp back and sees the very same times ({@code $$.State.EnteredTime},
 * {@code $now()}, a Wait's end).
 */
final class InputGate implements Scheduler {

    private final Scheduler real;
    private final ArrayDeque<Runnable> steps = new ArrayDeque<>();
    private final ArrayDeque<Input> inputs = new ArrayDeque<>();
    private boolean pumping;
    /** The time of the input being worked on; null while the execution waits. */
    private volatile Instant frozen;

    InputGate(Scheduler real) {
        this.real = real;
    }

    @Override
    public Instant now() {
        Instant now = frozen;
        return now != null ? now : real.now();
    }

    /** The execution's own work (its step queue's drain): runs before any waiting input. */
    @Override
    public void execute(Runnable task) {
        enqueue(steps, task);
    }

    /** A timer: when it fires it waits, as an input, until the execution has nothing left to do. */
    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        Input input = new Input(task);
        Cancellable timer = real.schedule(delay, () -> deliver(input));
        return () -> {
            input.cancelled = true;
            timer.cancel();
        };
    }

    /** The task invoker whose answers come in through the gate. */
    TaskInvoker gated(TaskInvoker tasks) {
        return new TaskInvoker() {
            @Override
            public CompletionStage<JsonNode> invoke(TaskRequest request) {
                CompletableFuture<JsonNode> gatedAnswer = new CompletableFuture<>();
                CompletionStage<JsonNode> answer;
                try {
                    answer = tasks.invoke(withGatedProgress(request));
                } catch (RuntimeException e) {
                    answer = CompletableFuture.failedFuture(e);
                }
                if (answer == null) {
                    return null;
                }
                answer.whenComplete((result, error) -> deliver(new Input(() -> {
                    if (error != null) {
                        gatedAnswer.completeExceptionally(error);
                    } else {
                        gatedAnswer.complete(result);
                    }
                })));
                return gatedAnswer;
            }

            @Override
            public TaskScheduleFailure refusal(TaskRequest request) {
                // Asked as the step runs, and answered at once: not an input from outside.
                return tasks.refusal(request);
            }
        };
    }

    /** A task's progress (TaskSubmitted, ActivityStarted) comes from outside too: it is an input as well. */
    private TaskRequest withGatedProgress(TaskRequest request) {
        TaskProgress progress = request.progress();
        return new TaskRequest(request.resource(), request.parameters(), request.stateName(), request.context(),
                request.executionArn(), request.attempt(), request.heartbeat(), new TaskProgress() {
                    @Override
                    public void submitted(JsonNode response) {
                        deliver(new Input(() -> progress.submitted(response)));
                    }

                    @Override
                    public void started(String workerName) {
                        deliver(new Input(() -> progress.started(workerName)));
                    }

                    @Override
                    public void whenTimedOut(Runnable action) {
                        progress.whenTimedOut(action);
                    }
                });
    }

    private void deliver(Input input) {
        enqueue(inputs, input);
    }

    /** Queues a step or an input, and starts the pump unless it runs. */
    private <T> void enqueue(ArrayDeque<T> queue, T item) {
        boolean start;
        synchronized (this) {
            queue.add(item);
            start = !pumping;
            pumping = true;
        }
        if (start) {
            real.execute(this::pump);
        }
    }

    /** Runs the execution's steps; only when none is left, the next input; until both are used up. */
    private void pump() {
        frozen = real.now();
        while (true) {
            Runnable next;
            synchronized (this) {
                if (!steps.isEmpty()) {
                    next = steps.poll();
                } else {
                    Input input = inputs.poll();
                    while (input != null && input.cancelled) {
                        input = inputs.poll();
                    }
                    if (input == null) {
                        frozen = null;
                        pumping = false;
                        return;
                    }
                    next = input.task;
                    frozen = real.now();
                }
            }
            next.run();
        }
    }

    private static final class Input {
        final Runnable task;
        volatile boolean cancelled;

        Input(Runnable task) {
            this.task = task;
        }
    }
}
