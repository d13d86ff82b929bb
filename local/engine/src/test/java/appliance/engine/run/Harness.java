package appliance.engine.run;

import appliance.engine.definition.StateMachineDefinition;
import appliance.engine.error.StatesFailure;
import appliance.engine.history.HistoryEvent;
import appliance.engine.task.TaskInvoker;
import appliance.engine.task.TaskRequest;
import appliance.engine.task.TaskScheduleFailure;
import appliance.engine.time.VirtualTimeScheduler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/** Runs definitions in virtual time with scripted tasks, for the interpreter's tests. */
final class Harness {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant START = Instant.parse("2024-05-01T12:00:00Z");

    final VirtualTimeScheduler scheduler = new VirtualTimeScheduler(START);
    final List<TaskRequest> calls = new ArrayList<>();
    private Function<TaskRequest, CompletableFuture<JsonNode>> tasks = request ->
            CompletableFuture.failedFuture(new StatesFailure("States.Runtime", "no task in this test"));
    private Function<TaskRequest, TaskScheduleFailure> refusal = request -> null;

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Tasks answer through this function (a failed future fails the task). */
    Harness tasks(Function<TaskRequest, CompletableFuture<JsonNode>> answer) {
        this.tasks = answer;
        return this;
    }

    /** Tasks are refused before they are scheduled through this function (null: scheduled). */
    Harness refuse(Function<TaskRequest, TaskScheduleFailure> refusal) {
        this.refusal = refusal;
        return this;
    }

    /** Every task answers with its input. */
    Harness echoTasks() {
        return tasks(request -> CompletableFuture.completedFuture(request.parameters()));
    }

    Execution start(String definition, String input) {
        TaskInvoker invoker = new TaskInvoker() {
            @Override
            public CompletionStage<JsonNode> invoke(TaskRequest request) {
                calls.add(request);
                return tasks.apply(request);
            }

            @Override
            public TaskScheduleFailure refusal(TaskRequest request) {
                return refusal.apply(request);
            }
        };
        Engine engine = new Engine(scheduler, invoker, new SplittableRandom(7));
        return engine.start(StateMachineDefinition.compile(json(definition)), json(input),
                ExecutionIdentity.local("TestMachine", "test-execution"), null);
    }

    /** Starts, runs to the end in virtual time, and returns the result. */
    Ended run(String definition, String input) {
        Execution execution = start(definition, input);
        scheduler.runUntilIdle();
        ExecutionResult result = execution.result().toCompletableFuture().getNow(null);
        return new Ended(result, execution.history());
    }

    record Ended(ExecutionResult result, List<HistoryEvent> history) {

        List<String> types() {
            return history.stream().map(HistoryEvent::type).toList();
        }

        JsonNode output() {
            return result.output();
        }
    }
}
