package appliance.engine.replay;

/**
 * The execution, run again, does not make the history that was recorded (its definition or the
 * engine changed, or the history is not this execution's): it cannot be resumed from it.
 */
public final class ReplayDivergedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ReplayDivergedException(String message) {
        super(message);
    }
}
