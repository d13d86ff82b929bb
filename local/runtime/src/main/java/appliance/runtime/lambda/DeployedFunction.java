package appliance.runtime.lambda;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A registered function and its execution environments. A call takes an idle (warm) environment of the version it
 * runs, or creates a new one (cold) when all are busy: overlapping calls get environments of their own. With
 * reserved concurrency set, a call beyond that many in flight (across all versions) is throttled.
 */
final class DeployedFunction {
    private final LambdaFunctionConfig config;
    private final LambdaRuntimeOptions options;
    private final Map<String, Deque<ExecutionEnvironment>> idleByVersion = new HashMap<>();
    private final List<ExecutionEnvironment> all = new ArrayList<>();
    private final ClassPreloader preloader;
    private int inFlight;
    private int created;

    DeployedFunction(LambdaFunctionConfig config, LambdaRuntimeOptions options) {
        this.config = config;
        this.options = options;
        this.preloader = options.isolation().needsOwnProcess(config.runtime()) ? null : ClassPreloader.start(config);
    }

    LambdaFunctionConfig config() {
        return config;
    }

    /** An environment for one call, or a throttle when reserved concurrency is exhausted. */
    ExecutionEnvironment acquire(String executedVersion, String requestId) {
        int ordinal;
        synchronized (this) {
            Integer reserved = config.reservedConcurrency();
            if (reserved != null && inFlight >= reserved) {
                throw LambdaServiceException.throttled(requestId);
            }
            inFlight++;
            ExecutionEnvironment idle = idleByVersion.computeIfAbsent(executedVersion, v -> new ArrayDeque<>()).pollFirst();
            if (idle != null) {
                return idle;
            }
            ordinal = ++created;
        }
        ExecutionEnvironment fresh = options.isolation().needsOwnProcess(config.runtime())
                ? new ProcessEnvironment(config, executedVersion, options)
                : new InProcessEnvironment(config, executedVersion, options, ordinal, preloader);
        synchronized (this) {
            all.add(fresh);
        }
        return fresh;
    }

    /** The call is over; a reusable environment waits for the next call (most recently used first). */
    void release(ExecutionEnvironment environment, String executedVersion, boolean reusable) {
        synchronized (this) {
            inFlight--;
            if (reusable) {
                idleByVersion.get(executedVersion).addFirst(environment);
                return;
            }
            all.remove(environment);
        }
        environment.discard();
    }

    synchronized void discardAll() {
        all.forEach(ExecutionEnvironment::discard);
        all.clear();
        idleByVersion.clear();
    }
}
