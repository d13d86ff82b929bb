package appliance.engine.run;

import appliance.engine.definition.MapState;
import appliance.engine.error.ErrorNames;
import appliance.engine.error.StatesFailure;
import appliance.engine.maprun.MapRun;
import appliance.engine.maprun.MapRunSettings;
import appliance.engine.maprun.MapRunStart;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A DISTRIBUTED Map's iterations, as a Map Run: the parent's history shows MapRunStarted (with the Map
 * Run's ARN) and then MapRunSucceeded or MapRunFailed, and no iteration events; each iteration is a
 * child execution with a history and ARN of its own, started through the engine's
 * {@link appliance.engine.maprun.MapRunLauncher}. When the state has a ResultWriter, each child's end
 * is kept for the result files.
 */
final class MapRunProcessor implements MapProcessor {

    /** The error a child stopped because its Map Run ended is stopped with. */
    private static final String MAP_RUN_ENDED = "States.Aborted";

    private final StateRun run;
    private MapRun mapRun;
    private String mapRunArn;
    /** Whether the Map Run was told it ended. */
    private boolean mapRunEnded;
    /** Each child's end, for ResultWriter; null when the state has none. */
    private final List<MapRunChildResult> children;

    MapRunProcessor(StateRun run) {
        this.run = run;
        this.children = ((MapState) run.state).resultWriter() != null ? new ArrayList<>() : null;
    }

    @Override
    public void started(MapRunSettings settings, int itemCount, Runnable onSettingsChanged) {
        MapState state = (MapState) run.state;
        String label = label(state);
        mapRunArn = mapRunArn(label);
        run.branch.record("MapRunStarted", "mapRunStartedEventDetails", () -> {
            ObjectNode details = JsonNodeFactory.instance.objectNode();
            details.put("mapRunArn", mapRunArn);
            return details;
        });
        ExecutionRun execution = run.branch.execution;
        mapRun = execution.mapRuns.open(new MapRunStart(mapRunArn, label, execution.identity(), state.processor(),
                state.processorText(),
                state.executionType(), itemCount, settings));
        mapRun.onSettingsChanged(() -> execution.steps.execute(onSettingsChanged));
        // The parent ends (stopped, timed out, failed elsewhere) while the Map Run goes: it is aborted.
        execution.onEnd(() -> endMapRun(ExecutionStatus.ABORTED, null, null));
    }

    String mapRunArn() {
        return mapRunArn;
    }

    /** The children's ends so far, in the order they ended (null without a ResultWriter). */
    List<MapRunChildResult> children() {
        return children;
    }

    private static String label(MapState state) {
        return state.label() != null ? state.label() : state.name();
    }

    /** {@code arn:aws:states:REGION:ACCOUNT:mapRun:MACHINE/LABEL:ID}; the label is the state's Label, else its name. */
    private String mapRunArn(String label) {
        java.util.random.RandomGenerator random = run.branch.execution.random;
        String id = new UUID(random.nextLong(), random.nextLong()).toString();
        String machineArn = run.branch.execution.identity().stateMachineArn();
        return machineArn.replace(":stateMachine:", ":mapRun:") + "/" + label + ":" + id;
    }

    @Override
    public MapRunSettings settings() {
        return mapRun.settings();
    }

    @Override
    public MapIteration start(int index, JsonNode input, int itemCount, Consumer<Outcome> onDone) {
        ExecutionRun execution = run.branch.execution;
        Instant startDate = execution.scheduler.now();
        Execution child = mapRun.startChild(index, input, itemCount);
        child.result().whenComplete((result, error) -> execution.steps.execute(() -> {
            Outcome outcome = outcome(result, error);
            if (children != null) {
                children.add(new MapRunChildResult(child.identity(), input, result, startDate,
                        execution.scheduler.now()));
            }
            if (run.branch.isLive()) {
                onDone.accept(outcome);
            }
        }));
        return () -> child.stop(MAP_RUN_ENDED, "The Map Run ended before this child execution did.");
    }

    private static Outcome outcome(ExecutionResult result, Throwable error) {
        if (error != null || result == null) {
            return new Outcome.Failed(new StatesFailure(ErrorNames.RUNTIME, "A child execution of the Map Run failed to start"
                    + (error == null || error.getMessage() == null ? "." : ": " + error.getMessage())));
        }
        return switch (result.status()) {
            case SUCCEEDED -> new Outcome.Succeeded(result.output());
            case TIMED_OUT -> new Outcome.Failed(new StatesFailure(ErrorNames.TIMEOUT, result.cause()));
            case ABORTED -> new Outcome.Failed(new StatesFailure(result.error() != null ? result.error()
                    : MAP_RUN_ENDED, result.cause()));
            default -> new Outcome.Failed(new StatesFailure(result.error(), result.cause()));
        };
    }

    @Override
    public void iterationEnded(int index, MapIteration iteration, Outcome outcome) {
    }

    @Override
    public void succeeded() {
        run.branch.record("MapRunSucceeded", null, null);
        endMapRun(ExecutionStatus.SUCCEEDED, null, null);
    }

    private void endMapRun(ExecutionStatus status, String error, String cause) {
        if (mapRun != null && !mapRunEnded) {
            mapRunEnded = true;
            mapRun.ended(status, error, cause);
        }
    }

    @Override
    public void failed(StatesFailure failure) {
        run.branch.record("MapRunFailed", "mapRunFailedEventDetails", () -> {
            ObjectNode details = JsonNodeFactory.instance.objectNode();
            Details.putErrorAndCause(details, failure.error(), failure.cause());
            return details;
        });
        endMapRun(ExecutionStatus.FAILED, failure.error(), failure.cause());
    }
}
