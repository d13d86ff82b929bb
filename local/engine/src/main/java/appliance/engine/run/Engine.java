package appliance.engine.run;

import appliance.engine.definition.StateMachineDefinition;
import appliance.engine.history.ExecutionListener;
import appliance.engine.task.TaskInvoker;
import appliance.engine.time.Scheduler;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.random.RandomGenerator;

/**
 * Runs compiled state machines. Everything from outside comes in here: the scheduler (time and
 * threads), the task invoker (every Task resource) and the randomness (retry jitter, and States.UUID /
 * States.MathRandom). One engine runs any number of executions at once.
 */
public final class Engine {

    private final Scheduler scheduler;
    private final TaskInvoker tasks;
    private final RandomGenerator random;

    public Engine(Scheduler scheduler, TaskInvoker tasks, RandomGenerator random) {
        this.scheduler = scheduler;
        this.tasks = tasks;
        this.random = random;
    }

    /** Starts an execution; it runs as the scheduler drives it. */
    public Execution start(StateMachineDefinition definition, JsonNode input, ExecutionIdentity identity,
            ExecutionListener listener) {
        ExecutionRun run = new ExecutionRun(definition, input, identity, scheduler, tasks, random,
                listener == null ? ExecutionListener.NONE : listener);
        run.start();
        return run;
    }

    /**
     * Starts an execution whose history only its listener keeps (a store that writes each event as it
     * comes): the engine holds no event once the listener has heard it, so an execution's memory does
     * not grow with its history. The returned execution's {@link Execution#history()} is empty.
     */
    public Execution startStreaming(StateMachineDefinition definition, JsonNode input, ExecutionIdentity identity,
            ExecutionListener listener) {
        ExecutionRun run = new ExecutionRun(definition, input, identity, scheduler, tasks, random,
                listener == null ? ExecutionListener.NONE : listener, false);
        run.start();
        return run;
    }
}
