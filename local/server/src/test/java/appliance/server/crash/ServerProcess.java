package appliance.server.crash;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The server as its own process, on one store and one port across restarts: started from a command
 * whose {@code {port}} and {@code {db}} are filled in, killed with SIGKILL (kill -9) or stopped with
 * SIGTERM, and started again. Its output goes to a log file beside the store.
 */
final class ServerProcess {

    private final List<String> command;
    private final int port;
    private final Path store;
    private final File log;
    private final List<String> environment;
    private Process process;

    ServerProcess(List<String> commandTemplate, int port, Path store, List<String> environment) {
        this.port = port;
        this.store = store;
        this.environment = environment;
        this.log = store.resolveSibling("server.log").toFile();
        this.command = commandTemplate.stream()
                .map(part -> part.replace("{port}", Integer.toString(port)).replace("{db}", store.toString()))
                .toList();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    long pid() {
        return process.pid();
    }

    /** Starts the server and waits (at most {@code limit}) until it answers ListStateMachines. */
    void start(Duration limit) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log));
        for (String variable : environment) {
            int equals = variable.indexOf('=');
            builder.environment().put(variable.substring(0, equals), variable.substring(equals + 1));
        }
        process = builder.start();
        Instant deadline = Instant.now().plus(limit);
        try (SfnClient sfn = Clients.sfn(endpoint(), Duration.ofSeconds(2))) {
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("The server exited with " + process.exitValue()
                            + " before it answered; see " + log);
                }
                try {
                    sfn.listStateMachines(r -> r.maxResults(1));
                    return;
                } catch (RuntimeException notYet) {
                    if (Instant.now().isAfter(deadline)) {
                        throw new IllegalStateException("The server did not answer within " + limit.toSeconds()
                                + " s; see " + log);
                    }
                    process.waitFor(50, TimeUnit.MILLISECONDS);
                }
            }
        }
    }

    /** kill -9: the JVM ends at once, with no shutdown hook. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, as Ctrl-C or a service manager stops it: a clean stop. @return its exit code */
    int terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
            throw new IllegalStateException("The server did not stop within 60 s of SIGTERM");
        }
        return process.exitValue();
    }

    Path store() {
        return store;
    }

    File log() {
        return log;
    }

    static List<String> commandOf(List<String> parts) {
        return new ArrayList<>(parts);
    }
}
