package appliance.runtime.lambda.runtimeapi;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Carries a function process's output (stdout and stderr, merged as Lambda merges them into one log stream) to
 * whoever logs the call in flight. A runtime writes its last lines before it posts the response, so before a call is
 * reported {@link #drain()} hands on everything the pipe holds. Reads never block, and happen under one lock, so once
 * {@code drain} has found the pipe empty, nothing the process wrote earlier is still on its way.
 */
public final class OutputPump {

    /** Where output goes while a call runs. */
    public interface Target {
        void write(byte[] bytes, int offset, int length);
    }

    private static final long IDLE_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final long BUSY_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final InputStream in;
    private final BooleanSupplier writerAlive;
    private final byte[] buffer = new byte[8192];
    private final Thread thread;
    private volatile Target target;

    public OutputPump(InputStream in, BooleanSupplier writerAlive, String name) {
        this.in = in;
        this.writerAlive = writerAlive;
        this.thread = new Thread(this::pump, "lambda-output-" + name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Output from now on goes here; null drops it (nothing is being logged). */
    public void target(Target value) {
        target = value;
    }

    /** Hands on everything the process has written so far. */
    public synchronized void drain() {
        try {
            int available;
            while ((available = in.available()) > 0) {
                int read = in.read(buffer, 0, Math.min(available, buffer.length));
                if (read < 0) {
                    return;
                }
                deliver(read);
            }
        } catch (IOException closed) {
            // The process is gone, and its pipe with it.
        }
    }

    /** After the process ended: hands on its last output. */
    public void awaitEnd() {
        drain();
    }

    private void deliver(int read) {
        Target current = target;
        if (current != null) {
            current.write(buffer, 0, read);
        }
    }

    private void pump() {
        long pause = BUSY_POLL_NANOS;
        while (true) {
            boolean alive = writerAlive.getAsBoolean();
            int before = availableNow();
            drain();
            if (!alive && availableNow() == 0) {
                return;
            }
            pause = before > 0 ? BUSY_POLL_NANOS : Math.min(IDLE_POLL_NANOS, pause * 2);
            LockSupport.parkNanos(pause);
        }
    }

    private int availableNow() {
        try {
            return in.available();
        } catch (IOException closed) {
            return 0;
        }
    }
}
