package appliance.engine.run;

import appliance.engine.definition.StateMachineDefinition;
import appliance.engine.history.ExecutionListener;
import appliance.engine.maprun.InMemoryMapRuns;
import appliance.engine.maprun.MapRunLauncher;
import appliance.engine.maprun.ObjectStore;
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
    /** Where DISTRIBUTED Maps run their children; null: in this engine's memory ({@link InMemoryMapRuns}). */
    private final MapRunLauncher mapRuns;
    private final ObjectStore objects;

    public Engine(Scheduler scheduler, TaskInvoker tasks, RandomGenerator random) {
        this(scheduler, tasks, random, null, ObjectStore.NONE);
    }

    private Engine(Scheduler scheduler, TaskInvoker tasks, RandomGenerator random, MapRunLauncher mapRuns,
            ObjectStore objects) {
        this.scheduler = scheduler;
        this.tasks = tasks;
        this.random = random;
        this.mapRuns = mapRuns;
        this.objects = objects;
    }

    /** This engine, with DISTRIBUTED Maps' children run by {@code launcher}. */
    public Engine withMapRuns(MapRunLauncher launcher) {
        return new Engine(scheduler, tasks, random, launcher, objects);
    }

    /** This engine, with ItemReader and ResultWriter going to {@code store}. */
    public Engine withObjectStore(ObjectStore store) {
        return new Engine(scheduler, tasks, random, mapRuns, store);
    }

    /** The launcher of this engine's Map Runs (its in-memory one unless one was given). */
    public MapRunLauncher mapRuns() {
        return mapRuns != null ? mapRuns : defaultMapRuns();
    }

    private InMemoryMapRuns inMemory;

    private synchronized InMemoryMapRuns defaultMapRuns() {
        if (inMemory == null) {
            inMemory = new InMemoryMapRuns(this, random);
        }
        return inMemory;
    }

    /** Starts an execution; it runs as the scheduler drives it. */
    public Execution start(StateMachineDefinition definition, JsonNode input, ExecutionIdentity identity,
            ExecutionListener listener) {
        ExecutionRun run = new ExecutionRun(definition, input, identity, scheduler, tasks, random,
                listener == null ? ExecutionListener.NONE : listener);
        run.distributed(mapRuns(), objects);
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
        run.distributed(mapRuns(), objects);
        run.start();
        return run;
    }
}
