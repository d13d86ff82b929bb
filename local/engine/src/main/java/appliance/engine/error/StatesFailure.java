package appliance.engine.error;

/**
 * A failure as Step Functions reports it: an error name (such as {@code States.Runtime}) and a cause,
 * the very strings AWS writes. Errors are data in this engine: this exception only carries them from
 * where they arise to the state that handles them, so it records no stack trace.
 */
public final class StatesFailure extends RuntimeException {

    private final String error;
    private final String cause;

    public StatesFailure(String error, String cause) {
        super(error + ": " + cause, null, false, false);
        this.error = error;
        this.cause = cause;
    }

    public static StatesFailure runtime(String cause) {
        return new StatesFailure(ErrorNames.RUNTIME, cause);
    }

    /** The error name, for example {@code States.TaskFailed} or a task's own error type. */
    public String error() {
        return error;
    }

    /** The cause text, word for word as AWS would write it; may be null where AWS gives none. */
    public String cause() {
        return cause;
    }
}
