package appliance.engine.run;

import appliance.engine.error.StatesFailure;
import java.util.function.Consumer;

/**
 * Where a Map state's iterations run and what the parent's history shows of them: INLINE writes each
 * iteration's events into the parent's history between MapIterationStarted and MapIterationSucceeded
 * / MapIterationFailed; DISTRIBUTED writes MapRunStarted, then MapRunSucceeded or MapRunFailed, and
 * keeps the iterations' events out of the parent's history. {@link MapStep} decides what to run and
 * when (items, concurrency, tolerated failures); this decides where and how it is recorded.
 */
sealed interface MapProcessor permits InlineMapProcessor, MapRunProcessor {

    static MapProcessor of(StateRun run, boolean distributed) {
        return distributed ? new MapRunProcessor(run) : new InlineMapProcessor(run);
    }

    /** After MapStateStarted. */
    void started();

    /** A branch for iteration {@code index}, not yet started; {@code onDone} hears its outcome. */
    BranchRun iteration(int index, Consumer<Outcome> onDone);

    /** An iteration ended; its branch's cursor is its last event. */
    void iterationEnded(int index, BranchRun iteration, Outcome outcome);

    /** Every iteration is done and the state succeeds: what comes before MapStateSucceeded. */
    void succeeded();

    /** The state fails with {@code failure}: what comes before MapStateFailed. */
    void failed(StatesFailure failure);
}
