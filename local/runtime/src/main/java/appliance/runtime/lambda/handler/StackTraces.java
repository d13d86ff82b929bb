package appliance.runtime.lambda.handler;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/** Stack traces as Lambda's Java runtime reports them: the runtime's own frames removed, frames as strings. */
public final class StackTraces {
    private StackTraces() {
    }

    /** Cuts every trace in the chain (causes, suppressed) at the first frame of the runtime's handler adapters. */
    public static <T extends Throwable> T filtered(T throwable) {
        filter(throwable, Collections.newSetFromMap(new IdentityHashMap<>()));
        return throwable;
    }

    /** The frames of an already filtered throwable, each as {@link StackTraceElement#toString()}. */
    public static List<String> frames(Throwable throwable) {
        StackTraceElement[] trace = throwable.getStackTrace();
        List<String> frames = new ArrayList<>(trace.length);
        for (StackTraceElement element : trace) {
            frames.add(element.toString());
        }
        return frames;
    }

    /** The printed stack trace (as {@code printStackTrace} writes it), after filtering. */
    public static String printed(Throwable throwable) {
        filtered(throwable);
        StringWriter text = new StringWriter();
        throwable.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    private static void filter(Throwable throwable, Set<Throwable> seen) {
        if (throwable == null || !seen.add(throwable)) {
            return;
        }
        StackTraceElement[] trace = throwable.getStackTrace();
        for (int i = 0; i < trace.length; i++) {
            if (trace[i].getClassName().startsWith(HandlerAdapter.PACKAGE_PREFIX)) {
                StackTraceElement[] kept = new StackTraceElement[i];
                System.arraycopy(trace, 0, kept, 0, i);
                throwable.setStackTrace(kept);
                break;
            }
        }
        filter(throwable.getCause(), seen);
        for (Throwable suppressed : throwable.getSuppressed()) {
            filter(suppressed, seen);
        }
    }
}
