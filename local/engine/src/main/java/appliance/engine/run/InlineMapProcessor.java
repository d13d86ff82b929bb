package appliance.engine.run;

import appliance.engine.definition.MapState;
import appliance.engine.error.StatesFailure;
import appliance.engine.maprun.MapRunSettings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;

/**
 * An INLINE Map's iterations, in the parent's history, chained as AWS chains them: iteration 0 starts
 * after MapStateStarted; each later MapIterationStarted links to the last event of the iteration that
 * ended before it (past that iteration's MapIterationSucceeded, which links to the same event);
 * MapIterationFailed is written aside. MapStateSucceeded then links to the last MapIterationSucceeded.
 */
final class InlineMapProcessor implements MapProcessor {

    private final StateRun run;
    /** What the next MapIterationStarted links to. */
    private long nextIterationLink;
    private MapRunSettings settings;

    InlineMapProcessor(StateRun run) {
        this.run = run;
    }

    @Override
    public void started(MapRunSettings initial, int itemCount, Runnable onSettingsChanged) {
        settings = initial;
        nextIterationLink = run.branch.cursor();
    }

    @Override
    public MapRunSettings settings() {
        return settings;
    }

    @Override
    public MapIteration start(int index, JsonNode input, int itemCount, Consumer<Outcome> onDone) {
        BranchRun parent = run.branch;
        long started = parent.recordAfter(nextIterationLink, "MapIterationStarted", "mapIterationStartedEventDetails",
                () -> details(index));
        BranchRun iteration = new BranchRun(parent.execution, parent, parent.log, ((MapState) run.state).processor(),
                new VariableScope(parent.variables), started, onDone);
        iteration.start(input);
        return iteration;
    }

    @Override
    public void iterationEnded(int index, MapIteration ended, Outcome outcome) {
        long last = ((BranchRun) ended).cursor();
        nextIterationLink = last;
        if (outcome instanceof Outcome.Succeeded) {
            run.branch.recordAfter(last, "MapIterationSucceeded", "mapIterationSucceededEventDetails",
                    () -> details(index));
        } else {
            run.branch.moveCursor(last);
            run.branch.recordAside("MapIterationFailed", "mapIterationFailedEventDetails", () -> details(index));
        }
    }

    private ObjectNode details(int index) {
        ObjectNode details = JsonNodeFactory.instance.objectNode();
        details.put("name", run.state.name());
        details.put("index", index);
        return details;
    }

    @Override
    public void succeeded() {
    }

    @Override
    public void failed(StatesFailure failure) {
    }
}
