package appliance.engine.error;

/**
 * A failure as Step Functions reports it: an error name (such as {@code States.Runtime}) and a cause,
 * the very strings AWS writes. Errors are data in this engine: this exception only carries them from
 * where they arise to the state that handles them, so it records no stack trace.
 */
public final class StatesFailure extends RuntimeException {

    private final String error;
    private final String cause;
    private final String location;

    public StatesFailure(String error, String cause) {
        this(error, cause, null);
    }

    /**
     * @param location where in the state the failure arose, as AWS names it in an {@code EvaluationFailed}
     *                 event ({@code Output/result}, {@code Items}); null when not one field
     */
    public StatesFailure(String error, String cause, String location) {
        super(error + ": " + cause, null, false, false);
        this.error = error;
        this.cause = cause;
        this.location = location;
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

    /** The field of the state the failure arose in ({@code Output/result}); null when not known or not one field. */
    public String location() {
        return location;
    }
}
