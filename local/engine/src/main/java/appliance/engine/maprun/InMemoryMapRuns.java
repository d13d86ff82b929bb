package appliance.engine.maprun;

import appliance.engine.run.Engine;
import appliance.engine.run.Execution;
import appliance.engine.run.ExecutionStatus;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;

/**
 * The engine's own launcher: each child is an execution of the same engine, with its own history and
 * ARN, kept in memory (so {@code run}, {@code execute} and the conformance suite need nothing more).
 * {@link #children} gives a Map Run's children, in the order they started.
 */
public final class InMemoryMapRuns implements MapRunLauncher {

    private final Engine engine;
    private final RandomGenerator random;
    private final Map<String, List<Execution>> children = new ConcurrentHashMap<>();

    public InMemoryMapRuns(Engine engine, RandomGenerator random) {
        this.engine = engine;
        this.random = random;
    }

    @Override
    public MapRun open(MapRunStart start) {
        List<Execution> started = new ArrayList<>();
        children.put(start.mapRunArn(), started);
        return new MapRun() {
            @Override
            public String arn() {
                return start.mapRunArn();
            }

            @Override
            public Execution startChild(int index, JsonNode input, int itemCount) {
                String id = new UUID(random.nextLong(), random.nextLong()).toString();
                Execution child = engine.start(start.processor(), input, MapRunChildren.identity(start, id), null);
                synchronized (started) {
                    started.add(child);
                }
                return child;
            }

            @Override
            public MapRunSettings settings() {
                return start.settings();
            }

            @Override
            public void onSettingsChanged(Runnable onChange) {
                // Nothing updates an in-memory Map Run.
            }

            @Override
            public void ended(ExecutionStatus status, String error, String cause) {
                if (status != ExecutionStatus.SUCCEEDED) {
                    List<Execution> all;
                    synchronized (started) {
                        all = List.copyOf(started);
                    }
                    for (Execution child : all) {
                        if (child.status() == ExecutionStatus.RUNNING) {
                            child.stop("States.Aborted", "The Map Run ended.");
                        }
                    }
                }
            }
        };
    }

    /** The children a Map Run started so far (empty for an unknown ARN). */
    public List<Execution> children(String mapRunArn) {
        List<Execution> started = children.getOrDefault(mapRunArn, List.of());
        synchronized (started) {
            return List.copyOf(started);
        }
    }
}
