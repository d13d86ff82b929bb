package appliance.server;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One activity's tasks waiting for a worker (by task token), and the workers waiting for a task
 * (GetActivityTask's long poll): a task goes to the worker that has waited longest, a worker takes the
 * task that has waited longest.
 */
final class ActivityQueue {

    private final Deque<String> tasks = new ArrayDeque<>();
    private final Deque<CompletableFuture<String>> workers = new ArrayDeque<>();

    /** A task is ready for a worker. */
    void offer(String token) {
        CompletableFuture<String> worker;
        synchronized (this) {
            worker = workers.poll();
            if (worker == null) {
                tasks.add(token);
                return;
            }
        }
        worker.complete(token);
    }

    /**
     * The next task's token, waiting at most {@code limit} for one.
     *
     * @return null when none came in time
     */
    String take(Duration limit) throws InterruptedException {
        CompletableFuture<String> worker;
        synchronized (this) {
            String ready = tasks.poll();
            if (ready != null || limit.isZero() || limit.isNegative()) {
                return ready;
            }
            worker = new CompletableFuture<>();
            workers.add(worker);
        }
        try {
            return worker.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            synchronized (this) {
                if (workers.remove(worker)) {
                    return null;
                }
            }
            // A task was handed over as the wait ended: it is this worker's.
            return worker.getNow(null);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            synchronized (this) {
                if (!workers.remove(worker)) {
                    // Handed over as the worker left: back to the front for the next worker.
                    tasks.addFirst(worker.getNow(null));
                }
            }
            throw e;
        }
    }
}
