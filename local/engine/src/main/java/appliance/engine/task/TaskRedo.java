package appliance.engine.task;

/**
 * The answer a task call gets when a redrive takes its step up again: the call is not answered, the
 * task is scheduled (and started) anew, its events linked after event {@code afterEventId} (where the
 * redrive went on), as AWS writes a redriven task's TaskScheduled/TaskStarted after ExecutionRedriven.
 */
public final class TaskRedo extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long afterEventId;

    public TaskRedo(long afterEventId) {
        super("The task is scheduled again by a redrive", null, false, false);
        this.afterEventId = afterEventId;
    }

    public long afterEventId() {
        return afterEventId;
    }
}
