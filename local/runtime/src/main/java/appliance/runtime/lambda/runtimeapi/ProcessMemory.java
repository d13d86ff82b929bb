package appliance.runtime.lambda.runtimeapi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The memory a function's process uses, as Linux reports it in {@code /proc/<pid>/status}: resident now
 * ({@code VmRSS}, summed over the process and its children, what Lambda's memory limit applies to) and the peak
 * resident size of the process ({@code VmHWM}, what REPORT's "Max Memory Used" shows). Zero where /proc is absent.
 */
public final class ProcessMemory {
    private ProcessMemory() {
    }

    /** Bytes resident in these processes now. */
    public static long residentBytes(java.util.List<ProcessHandle> processes) {
        long total = 0;
        for (ProcessHandle process : processes) {
            total += field(process.pid(), "VmRSS:");
        }
        return total;
    }

    /** The process's peak resident bytes since it started. */
    public static long peakBytes(ProcessHandle process) {
        return field(process.pid(), "VmHWM:");
    }

    private static long field(long pid, String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(name)) {
                    String[] parts = line.substring(name.length()).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024;
                }
            }
        } catch (IOException | NumberFormatException gone) {
            // The process has ended (or there is no /proc): nothing is resident.
        }
        return 0;
    }
}
