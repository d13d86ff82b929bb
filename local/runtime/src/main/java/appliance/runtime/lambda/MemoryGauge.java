package appliance.runtime.lambda;

import java.lang.management.ManagementFactory;

/**
 * "Max Memory Used" of the REPORT line. An in-process function has no memory of its own to measure, so the default
 * is an estimate: the bytes the environment's thread has allocated so far (init and all calls), in MB, rounded up
 * and capped at the function's memory size. Injected, so tests can assert an exact REPORT line.
 */
public interface MemoryGauge {

    /** Called on the environment's thread at the end of each call. */
    int maxMemoryUsedMb(int memorySizeMb);

    static MemoryGauge threadAllocation() {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!(threads instanceof com.sun.management.ThreadMXBean hotspot) || !hotspot.isThreadAllocatedMemorySupported()) {
            return memorySizeMb -> 1;
        }
        return memorySizeMb -> {
            long bytes = Math.max(0, hotspot.getCurrentThreadAllocatedBytes());
            long megabytes = Math.max(1, (bytes + (1 << 20) - 1) >> 20);
            return (int) Math.min(memorySizeMb, megabytes);
        };
    }

    static MemoryGauge fixed(int megabytes) {
        return memorySizeMb -> megabytes;
    }
}
