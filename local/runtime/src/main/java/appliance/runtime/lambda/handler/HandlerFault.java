package appliance.runtime.lambda.handler;

/**
 * A problem loading the handler, reported as Lambda's Java runtime reports it: a message, the exception class name
 * (or none), no stack trace in the response. A fatal fault (the class's static initialiser or constructor threw)
 * fails the environment's init, so the next call starts a new environment; a non-fatal one (bad handler string,
 * class or method not found) is reported by every call.
 */
public final class HandlerFault extends RuntimeException {
    private final String errorType;
    private final String trace;
    private final boolean fatal;

    HandlerFault(String message, String errorType, String trace, boolean fatal) {
        super(message, null, false, false);
        this.errorType = errorType;
        this.trace = trace;
        this.fatal = fatal;
    }

    static HandlerFault of(String message) {
        return new HandlerFault(message, null, null, false);
    }

    static HandlerFault from(Throwable cause, boolean fatal) {
        String message = cause.getLocalizedMessage() == null ? cause.getClass().getName() : cause.getLocalizedMessage();
        return new HandlerFault(message, cause.getClass().getName(), StackTraces.printed(cause), fatal);
    }

    /** The exception's class name, or null for a fault that is only a message. */
    public String errorType() {
        return errorType;
    }

    public boolean fatal() {
        return fatal;
    }

    /** What Lambda's Java runtime writes to the function's log for this fault. */
    public String logText() {
        if (errorType == null && trace == null) {
            return getMessage();
        }
        return getMessage() + ": " + (errorType == null ? "" : errorType) + "\n" + (trace == null ? "" : trace);
    }
}
