package appliance.runtime.lambda;

import java.util.Objects;

/**
 * What the Lambda runtime takes from outside: time, timeouts, ids, memory estimate (in-process), its log sink, where
 * functions run, and the init phase's own time limit (Lambda's is 10 s; tests shorten it).
 */
public record LambdaRuntimeOptions(
        LambdaClock clock,
        TimeoutScheduler timeouts,
        LambdaIds ids,
        MemoryGauge memoryGauge,
        LambdaLogSink logSink,
        LambdaIsolation isolation,
        long initLimitNanos) {

    /** Lambda ends an on-demand init that takes longer than this; what is left of it then counts against Timeout. */
    public static final long LAMBDA_INIT_LIMIT_NANOS = 10_000_000_000L;

    public LambdaRuntimeOptions {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(timeouts, "timeouts");
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(memoryGauge, "memoryGauge");
        Objects.requireNonNull(logSink, "logSink");
        Objects.requireNonNull(isolation, "isolation");
    }

    /** The system clock, a real timer, random ids, the allocation estimate, logs discarded, Java in-process. */
    public static LambdaRuntimeOptions defaults() {
        return new LambdaRuntimeOptions(LambdaClock.system(), TimeoutScheduler.system(), LambdaIds.random(),
                MemoryGauge.threadAllocation(), LambdaLogSink.discard(), LambdaIsolation.IN_PROCESS,
                LAMBDA_INIT_LIMIT_NANOS);
    }

    public LambdaRuntimeOptions withClock(LambdaClock value) {
        return new LambdaRuntimeOptions(value, timeouts, ids, memoryGauge, logSink, isolation, initLimitNanos);
    }

    public LambdaRuntimeOptions withTimeouts(TimeoutScheduler value) {
        return new LambdaRuntimeOptions(clock, value, ids, memoryGauge, logSink, isolation, initLimitNanos);
    }

    public LambdaRuntimeOptions withIds(LambdaIds value) {
        return new LambdaRuntimeOptions(clock, timeouts, value, memoryGauge, logSink, isolation, initLimitNanos);
    }

    public LambdaRuntimeOptions withMemoryGauge(MemoryGauge value) {
        return new LambdaRuntimeOptions(clock, timeouts, ids, value, logSink, isolation, initLimitNanos);
    }

    public LambdaRuntimeOptions withLogSink(LambdaLogSink value) {
        return new LambdaRuntimeOptions(clock, timeouts, ids, memoryGauge, value, isolation, initLimitNanos);
    }

    public LambdaRuntimeOptions withIsolation(LambdaIsolation value) {
        return new LambdaRuntimeOptions(clock, timeouts, ids, memoryGauge, logSink, value, initLimitNanos);
    }

    public LambdaRuntimeOptions withInitLimitNanos(long value) {
        return new LambdaRuntimeOptions(clock, timeouts, ids, memoryGauge, logSink, isolation, value);
    }
}
