package appliance.engine.run;

import appliance.engine.definition.MapState;
import appliance.engine.error.StatesFailure;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A DISTRIBUTED Map's iterations, as a Map Run: the parent's history shows MapRunStarted (with the Map
 * Run's ARN) and then MapRunSucceeded or MapRunFailed, and no iteration events; each iteration records
 * into a {@link ChildHistory} of its own, as AWS's child executions do.
 */
final class MapRunProcessor implements MapProcessor {

    private final StateRun run;

    MapRunProcessor(StateRun run) {
        this.run = run;
    }

    @Override
    public void started() {
        String mapRunArn = mapRunArn();
        run.branch.record("MapRunStarted", "mapRunStartedEventDetails", () -> {
            ObjectNode details = JsonNodeFactory.instance.objectNode();
            details.put("mapRunArn", mapRunArn);
            return details;
        });
    }

    /** {@code arn:aws:states:REGION:ACCOUNT:mapRun:MACHINE/LABEL:ID}; the label is the state's Label, else its name. */
    private String mapRunArn() {
        MapState state = (MapState) run.state;
        String label = state.label() != null ? state.label() : state.name();
        java.util.random.RandomGenerator random = run.branch.execution.random;
        String id = new UUID(random.nextLong(), random.nextLong()).toString();
        String machineArn = run.branch.execution.identity().stateMachineArn();
        return machineArn.replace(":stateMachine:", ":mapRun:") + "/" + label + ":" + id;
    }

    @Override
    public BranchRun iteration(int index, Consumer<Outcome> onDone) {
        BranchRun parent = run.branch;
        return new BranchRun(parent.execution, parent, new ChildHistory(), ((MapState) run.state).processor(),
                new VariableScope(parent.variables), 0, onDone);
    }

    @Override
    public void iterationEnded(int index, BranchRun iteration, Outcome outcome) {
    }

    @Override
    public void succeeded() {
        run.branch.record("MapRunSucceeded", null, null);
    }

    @Override
    public void failed(StatesFailure failure) {
        run.branch.record("MapRunFailed", "mapRunFailedEventDetails", () -> {
            ObjectNode details = JsonNodeFactory.instance.objectNode();
            Details.putErrorAndCause(details, failure.error(), failure.cause());
            return details;
        });
    }
}
