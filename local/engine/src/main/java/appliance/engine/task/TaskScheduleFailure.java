package appliance.engine.task;

import appliance.engine.error.StatesFailure;

/**
 * A task that could not even be scheduled: its resource is not there to take it (an activity ARN that
 * names no activity). An invoker answers with it so the history says so as AWS's does, with
 * {@code ActivityScheduleFailed} in place of {@code ActivityScheduled}; the step then fails with
 * {@link #failure()}.
 */
public final class TaskScheduleFailure extends RuntimeException {

    private final transient StatesFailure failure;

    public TaskScheduleFailure(StatesFailure failure) {
        super(failure.getMessage(), null, false, false);
        this.failure = failure;
    }

    /** The error and cause the step fails with (and the ActivityScheduleFailed event shows). */
    public StatesFailure failure() {
        return failure;
    }
}
