package appliance.server;

import appliance.engine.history.ExecutionListener;
import appliance.engine.history.HistoryEvent;
import appliance.engine.run.ExecutionResult;

/** Numbers a redriven execution's new events after every event it already has ({@link RedriveSegment}). */
final class RedrivenNumbering implements ExecutionListener {

    private final RedriveSegment redrive;
    private final ExecutionListener onward;

    RedrivenNumbering(RedriveSegment redrive, ExecutionListener onward) {
        this.redrive = redrive;
        this.onward = onward;
    }

    @Override
    public void onEvent(String executionArn, HistoryEvent event) {
        onward.onEvent(executionArn, redrive.stored(event));
    }

    @Override
    public void onFinished(String executionArn, ExecutionResult result) {
        onward.onFinished(executionArn, result);
    }
}
