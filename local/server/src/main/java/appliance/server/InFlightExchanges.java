package appliance.server;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Counts the exchanges being answered, on the request threads and on the threads StartSyncExecution's
 * callers wait on, so that closing can stop the HTTP server as soon as none is left. The JDK 17 server's
 * {@code stop(delay)} always waits the whole delay (fixed in JDK 21), which cost every close, and so
 * every {@code bin/appliance run}, two seconds.
 */
final class InFlightExchanges extends Filter {

    private int inFlight;

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        enter();
        try {
            chain.doFilter(exchange);
        } finally {
            exit();
        }
    }

    /** {@code pool}, whose tasks (answers handed over by a request thread) count as in flight until they end. */
    Executor counting(Executor pool) {
        return task -> {
            enter();
            try {
                pool.execute(() -> {
                    try {
                        task.run();
                    } finally {
                        exit();
                    }
                });
            } catch (RejectedExecutionException e) {
                exit();
                throw e;
            }
        };
    }

    /** Waits until no exchange is being answered, at most {@code limit}; false when some still are. */
    synchronized boolean awaitNone(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (inFlight > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    private synchronized void enter() {
        inFlight++;
    }

    private synchronized void exit() {
        inFlight--;
        if (inFlight == 0) {
            notifyAll();
        }
    }

    @Override
    public String description() {
        return "Counts the exchanges being answered";
    }
}
