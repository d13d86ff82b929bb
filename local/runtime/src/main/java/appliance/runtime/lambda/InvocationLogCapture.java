package appliance.runtime.lambda;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The log lines of one invocation, in the order they were written: System.out and System.err split into lines
 * (each stream buffered on its own, so interleaved partial lines do not mix), LambdaLogger messages one event each.
 * Lines written during the init go before {@code START}, as in Lambda. Once finished, later writes (from a handler
 * that timed out and still runs) are dropped.
 */
final class InvocationLogCapture {
    private final LambdaClock clock;
    private final List<LambdaLogLine> initLines = new ArrayList<>(0);
    private final List<LambdaLogLine> handlerLines = new ArrayList<>(4);
    private ByteArrayOutputStream pendingOut;
    private ByteArrayOutputStream pendingErr;
    private boolean inInit = true;
    private boolean finished;

    InvocationLogCapture(LambdaClock clock) {
        this.clock = clock;
    }

    synchronized void write(boolean standardError, byte[] bytes, int offset, int length) {
        if (finished) {
            return;
        }
        ByteArrayOutputStream pending = standardError ? pendingErr : pendingOut;
        int lineStart = offset;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            if (bytes[i] == '\n') {
                String text = new String(bytes, lineStart, i - lineStart, StandardCharsets.UTF_8);
                if (pending != null && pending.size() > 0) {
                    text = pending.toString(StandardCharsets.UTF_8) + text;
                    pending.reset();
                }
                add(stripCarriageReturn(text));
                lineStart = i + 1;
            }
        }
        if (lineStart < end) {
            if (pending == null) {
                pending = new ByteArrayOutputStream(64);
                if (standardError) {
                    pendingErr = pending;
                } else {
                    pendingOut = pending;
                }
            }
            pending.write(bytes, lineStart, end - lineStart);
        }
    }

    /** Output of a function's process (stdout and stderr merged, as Lambda merges them). */
    void writeOutput(byte[] bytes, int offset, int length) {
        write(false, bytes, offset, length);
    }

    /** One LambdaLogger call: one log event (a single trailing newline is not part of the message). */
    synchronized void log(String message) {
        if (finished) {
            return;
        }
        add(message.endsWith("\n") ? message.substring(0, message.length() - 1) : message);
    }

    /** The init is over: what is written from now on belongs after {@code START}. */
    synchronized void handlerStarted() {
        flushPending();
        inInit = false;
    }

    synchronized List<LambdaLogLine> finishInit() {
        return List.copyOf(initLines);
    }

    /** Stops capturing and returns the handler's lines (after START). */
    synchronized List<LambdaLogLine> finish() {
        flushPending();
        finished = true;
        return List.copyOf(handlerLines);
    }

    private void flushPending() {
        if (pendingOut != null && pendingOut.size() > 0) {
            add(pendingOut.toString(StandardCharsets.UTF_8));
            pendingOut.reset();
        }
        if (pendingErr != null && pendingErr.size() > 0) {
            add(pendingErr.toString(StandardCharsets.UTF_8));
            pendingErr.reset();
        }
    }

    private void add(String message) {
        (inInit ? initLines : handlerLines).add(new LambdaLogLine(clock.now(), message));
    }

    private static String stripCarriageReturn(String text) {
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }
}
