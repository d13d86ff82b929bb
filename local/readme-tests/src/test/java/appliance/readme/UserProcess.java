package appliance.readme;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A command as a user types it in the project's root: {@code bin/appliance ...} through the real launch
 * script and class path, or any other program (the AWS CLI). Nothing runs through this test's class path.
 * {@code APPLIANCE_SKIP_BUILD=1} tells bin/appliance the reactor has just built it, so no nested Maven runs.
 */
final class UserProcess {

    /** Far above any command's time here; only a hung process reaches it. */
    private static final long TIMEOUT_MINUTES = 5;

    private final List<String> command;
    private final Map<String, String> environment = new HashMap<>();
    private String stdin;

    private UserProcess(List<String> command) {
        this.command = command;
        environment.put("APPLIANCE_SKIP_BUILD", "1");
    }

    static Path root() {
        return Path.of(System.getProperty("project.root")).toAbsolutePath();
    }

    /** {@code bin/appliance ARGS...}. */
    static UserProcess appliance(String... args) {
        List<String> command = new ArrayList<>(List.of(root().resolve("bin/appliance").toString()));
        command.addAll(List.of(args));
        return new UserProcess(command);
    }

    /** A command line as the README writes it, run by bash as a user's shell would. */
    static UserProcess readme(String commandLine) {
        return new UserProcess(new ArrayList<>(List.of("bash", "-c", commandLine)));
    }

    /** Any program, by its arguments. */
    static UserProcess of(String... command) {
        return new UserProcess(new ArrayList<>(List.of(command)));
    }

    UserProcess withStdin(String text) {
        this.stdin = text;
        return this;
    }

    UserProcess withEnvironment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** Starts it in the project's root and lets it run in the background (a server). */
    Process start() {
        ProcessBuilder builder = new ProcessBuilder(command).directory(root().toFile());
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            try (OutputStream in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /** Runs it to the end and returns what it printed. */
    ProcessResult run() {
        Process process = start();
        CompletableFuture<String> out = readAll(process.getInputStream());
        CompletableFuture<String> err = readAll(process.getErrorStream());
        try {
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not end within " + TIMEOUT_MINUTES + " minutes");
            }
            return new ProcessResult(process.exitValue(), out.join(), err.join());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new AssertionError("interrupted while " + command + " ran", e);
        }
    }

    static CompletableFuture<String> readAll(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
