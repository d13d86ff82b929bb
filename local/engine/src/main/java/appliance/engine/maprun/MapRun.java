package appliance.engine.maprun;

import appliance.engine.run.Execution;
import appliance.engine.run.ExecutionStatus;
import com.fasterxml.jackson.databind.JsonNode;

/** One Map Run, as its launcher keeps it: children start through it, and it hears how it ended. */
public interface MapRun {

    String arn();

    /**
     * Starts child {@code index} (an item, or a batch of {@code itemCount} items) with {@code input};
     * its {@link Execution#result()} completes when the child ends, on any thread.
     */
    Execution startChild(int index, JsonNode input, int itemCount);

    /** The settings now in force: the engine reads them before starting children and when one fails. */
    MapRunSettings settings();

    /** {@code onChange} runs (on any thread) when an update changes the settings. */
    void onSettingsChanged(Runnable onChange);

    /**
     * The Map Run ended: SUCCEEDED, FAILED (with the error and cause) or ABORTED. Children still running
     * are the launcher's to stop.
     */
    void ended(ExecutionStatus status, String error, String cause);
}
