package appliance.engine.run;

import appliance.engine.error.StatesFailure;
import appliance.engine.maprun.MapRunSettings;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Consumer;

/**
 * Where a Map state's iterations run and what the parent's history shows of them: INLINE writes each
 * iteration's events into the parent's history between MapIterationStarted and MapIterationSucceeded
 * / MapIterationFailed; DISTRIBUTED starts a Map Run whose children are executions of their own, and
 * writes MapRunStarted, then MapRunSucceeded or MapRunFailed. {@link MapStep} is the one iteration core
 * for both: it decides what to run and when (items, batches, concurrency, tolerated failures); this
 * decides where and how it is recorded.
 */
sealed interface MapProcessor permits InlineMapProcessor, MapRunProcessor {

    static MapProcessor of(StateRun run, boolean distributed) {
        return distributed ? new MapRunProcessor(run) : new InlineMapProcessor(run);
    }

    /**
     * After MapStateStarted, with the settings read from the state and the number of items;
     * {@code onSettingsChanged} runs on the execution's steps when an update changes them.
     */
    void started(MapRunSettings settings, int itemCount, Runnable onSettingsChanged);

    /** The settings in force now: those given to {@link #started}, unless an update changed them since. */
    MapRunSettings settings();

    /**
     * Starts iteration {@code index} (of {@code itemCount} items) with {@code input}; {@code onDone}
     * hears its outcome on the execution's steps.
     */
    MapIteration start(int index, JsonNode input, int itemCount, Consumer<Outcome> onDone);

    /** An iteration ended. */
    void iterationEnded(int index, MapIteration iteration, Outcome outcome);

    /** Every iteration is done and the state succeeds: what comes before MapStateSucceeded. */
    void succeeded();

    /** The state fails with {@code failure}: what comes before MapStateFailed. */
    void failed(StatesFailure failure);
}
