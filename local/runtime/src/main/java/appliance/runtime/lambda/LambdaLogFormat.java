package appliance.runtime.lambda;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The lines Lambda's platform writes around each invocation, tab-separated fields exactly as in CloudWatch. */
final class LambdaLogFormat {
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private LambdaLogFormat() {
    }

    static String start(String requestId, String version) {
        return "START RequestId: " + requestId + " Version: " + version;
    }

    static String end(String requestId) {
        return "END RequestId: " + requestId;
    }

    /** {@code REPORT RequestId: ID\tDuration: 1.23 ms\tBilled Duration: 2 ms\tMemory Size: 512 MB\t...}. */
    static String report(String requestId, double durationMs, long billedMs, int memoryMb, int maxMemoryUsedMb,
                         Double initDurationMs, boolean timedOut) {
        StringBuilder line = new StringBuilder(160)
                .append("REPORT RequestId: ").append(requestId)
                .append("\tDuration: ").append(twoDecimals(durationMs)).append(" ms")
                .append("\tBilled Duration: ").append(billedMs).append(" ms")
                .append("\tMemory Size: ").append(memoryMb).append(" MB")
                .append("\tMax Memory Used: ").append(maxMemoryUsedMb).append(" MB\t");
        if (initDurationMs != null) {
            line.append("Init Duration: ").append(twoDecimals(initDurationMs)).append(" ms\t");
        }
        if (timedOut) {
            line.append("Status: timeout");
        }
        return line.toString();
    }

    /** Before START, when a cold start's init outlived its own limit: {@code INIT_REPORT Init Duration: ...}. */
    static String initTimedOut(double initLimitMs) {
        return "INIT_REPORT Init Duration: " + twoDecimals(initLimitMs) + " ms\tPhase: init\tStatus: timeout";
    }

    /** {@code 2026-11-28T10:00:03.001Z ID Task timed out after 3.00 seconds}. */
    static String timedOut(Instant at, String requestId, String elapsedSeconds) {
        return TIMESTAMP.format(at) + " " + requestId + " Task timed out after " + elapsedSeconds + " seconds";
    }

    static String twoDecimals(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
