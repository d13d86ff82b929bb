package appliance.runtime.lambda;

import appliance.runtime.lambda.handler.StackTraces;
import java.util.IdentityHashMap;
import java.util.Map;

/** An unhandled exception as Lambda's Java runtime reports it, once its stack trace is filtered. */
final class LambdaErrors {
    private LambdaErrors() {
    }

    static LambdaError of(Throwable thrown) {
        return of(thrown, new IdentityHashMap<>());
    }

    private static LambdaError of(Throwable thrown, Map<Throwable, Boolean> seen) {
        seen.put(thrown, Boolean.TRUE);
        Throwable cause = thrown.getCause();
        LambdaError causeError = cause == null || seen.containsKey(cause) ? null : of(cause, seen);
        return new LambdaError(thrown.getClass().getName(), message(thrown), StackTraces.frames(thrown), causeError);
    }

    /** Lambda's errorMessage: the exception's message, or its class name when it has none. */
    static String message(Throwable thrown) {
        String message = thrown.getLocalizedMessage();
        return message == null ? thrown.getClass().getName() : message;
    }

    /** What the runtime writes to the function's log: {@code message: class}, then the printed stack trace. */
    static String logText(Throwable thrown) {
        return message(thrown) + ": " + thrown.getClass().getName() + "\n" + StackTraces.printed(thrown);
    }
}
