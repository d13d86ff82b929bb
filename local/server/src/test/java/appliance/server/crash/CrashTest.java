package appliance.server.crash;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The crash benchmark (a script, not a test: {@code local/server/crash-test.sh}): {@link CrashRun} with
 * 16 clients, 10 SIGKILLs and one SIGTERM against {@code bin/appliance serve} on a file store, at least
 * 5,000 acknowledged executions; then {@link HistoryLimitRun}: a loop to 25,000 events with a 256 KiB
 * state under a heap bound. Prints the figures; exit 1 when a check fails.
 *
 * <p>Options: {@code --clients N} (16), {@code --kills N} (10), {@code --terms N} (1),
 * {@code --acknowledged N} (5000), {@code --heap SIZE} (the bound for the loop, 256m), {@code --seed N},
 * then {@code --} and the server command with {@code {port}} and {@code {db}}.
 */
public final class CrashTest {

    private CrashTest() {
    }

    public static void main(String[] args) throws Exception {
        int dash = Arrays.asList(args).indexOf("--");
        if (dash < 0) {
            System.err.println("usage: CrashTest [options] -- SERVER COMMAND with {port} and {db}");
            System.exit(2);
        }
        String[] flags = Arrays.copyOfRange(args, 0, dash);
        List<String> command = new ArrayList<>(Arrays.asList(args).subList(dash + 1, args.length));
        Path folder = Files.createTempDirectory("sfn-crash");
        CrashRun.Options options = new CrashRun.Options(command, folder.resolve("store"), List.of(),
                text(flags, "--function", "arn:aws:lambda:us-east-1:123456789012:function:ClassifyCookFunction"),
                number(flags, "--clients", 16), number(flags, "--kills", 10), number(flags, "--terms", 1),
                Duration.ofMillis(500), Duration.ofMillis(4000), number(flags, "--acknowledged", 5000),
                number(flags, "--seed", (int) System.nanoTime()));
        System.out.printf("crash test: %d clients, %d kill -9 and %d SIGTERM at random moments, store %s%n",
                options.clients(), options.kills(), options.terms(), options.store());
        CrashRun.Result crash = new CrashRun(options).run();
        System.out.println(crash.summary());
        crash.problems().forEach(problem -> System.out.println("  " + problem));

        String heap = text(flags, "--heap", "256m");
        HistoryLimitRun.Result loop = new HistoryLimitRun(command, folder.resolve("loop-store"), heap).run();
        System.out.println(loop.summary());
        boolean ok = crash.ok() && loop.ok();
        System.out.println(ok ? "OK" : "FAILED");
        System.exit(ok ? 0 : 1);
    }

    private static int number(String[] flags, String name, int fallback) {
        String value = text(flags, name, null);
        return value == null ? fallback : Integer.parseInt(value);
    }

    private static String text(String[] flags, String name, String fallback) {
        for (int i = 0; i < flags.length - 1; i++) {
            if (flags[i].equals(name)) {
                return flags[i + 1];
            }
        }
        return fallback;
    }
}
