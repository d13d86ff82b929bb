package appliance.runtime.lambda;

import java.util.Objects;

/** What the in-process Lambda runtime takes from outside: time, timeouts, ids, memory estimate and its log sink. */
public record LambdaRuntimeOptions(
        LambdaClock clock,
        TimeoutScheduler timeouts,
        LambdaIds ids,
        MemoryGauge memoryGauge,
        LambdaLogSink logSink) {

    public LambdaRuntimeOptions {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(timeouts, "timeouts");
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(memoryGauge, "memoryGauge");
        Objects.requireNonNull(logSink, "logSink");
    }

    /** The system clock, a real timer, random ids, the allocation estimate, logs discarded. */
    public static LambdaRuntimeOptions defaults() {
        return new LambdaRuntimeOptions(LambdaClock.system(), TimeoutScheduler.system(), LambdaIds.random(),
                MemoryGauge.threadAllocation(), LambdaLogSink.discard());
    }

    public LambdaRuntimeOptions withClock(LambdaClock value) {
        return new LambdaRuntimeOptions(value, timeouts, ids, memoryGauge, logSink);
    }

    public LambdaRuntimeOptions withTimeouts(TimeoutScheduler value) {
        return new LambdaRuntimeOptions(clock, value, ids, memoryGauge, logSink);
    }

    public LambdaRuntimeOptions withIds(LambdaIds value) {
        return new LambdaRuntimeOptions(clock, timeouts, value, memoryGauge, logSink);
    }

    public LambdaRuntimeOptions withMemoryGauge(MemoryGauge value) {
        return new LambdaRuntimeOptions(clock, timeouts, ids, value, logSink);
    }

    public LambdaRuntimeOptions withLogSink(LambdaLogSink value) {
        return new LambdaRuntimeOptions(clock, timeouts, ids, memoryGauge, value);
    }
}
