package appliance.dist;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * appliance-local.jar as a user runs it: {@code java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar appliance-local.jar ...}
 * (the README's command) in a folder of their
 * own (no repository around it), with the environment they give. {@link #serve} waits until the server
 * prints its endpoint; {@link #run} waits for a command to end.
 */
final class LocalJar implements AutoCloseable {

    private static final Pattern ENDPOINT = Pattern.compile("APIs on (http://[0-9.]+:\\d+)");

    private final Process process;
    private final URI endpoint;
    private final StringBuffer output;

    private LocalJar(Process process, URI endpoint, StringBuffer output) {
        this.process = process;
        this.endpoint = endpoint;
        this.output = output;
    }

    static Path jar() {
        Path jar = Path.of(System.getProperty("appliance.jar", "target/appliance-local.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is not built (mvn package builds it)");
        }
        return jar;
    }

    private static List<String> java(List<String> args) {
        // The README's command: the flags favour a quick start (a function's cold start within its Timeout on a
        // busy machine) over peak throughput, as bin/appliance's do.
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar().toString()));
        command.addAll(args);
        return command;
    }

    /** {@code java -jar appliance-local.jar serve --port 0 ARGS} in {@code folder}; returns once it listens. */
    static LocalJar serve(Path folder, Map<String, String> environment, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("serve", "--port", "0"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(java(command)).directory(folder.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        StringBuffer output = new StringBuffer();
        CompletableFuture<URI> listening = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    output.append(line).append('\n');
                    Matcher endpoint = ENDPOINT.matcher(line);
                    if (endpoint.find()) {
                        listening.complete(URI.create(endpoint.group(1)));
                    }
                }
            } catch (IOException ended) {
                // the process ended; the future below says so
            }
            listening.completeExceptionally(new IllegalStateException("serve ended before it listened:\n" + output));
        }, "appliance-local-output");
        reader.setDaemon(true);
        reader.start();
        try {
            return new LocalJar(process, listening.get(60, TimeUnit.SECONDS), output);
        } catch (ExecutionException | TimeoutException | InterruptedException notListening) {
            process.destroyForcibly();
            throw new IllegalStateException("appliance-local.jar serve did not start: " + output, notListening);
        }
    }

    /** {@code java -jar appliance-local.jar ARGS} in {@code folder}, to its end. */
    static Processes.Result run(Path folder, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        return Processes.run(folder, environment, java(List.of(args)));
    }

    URI endpoint() {
        return endpoint;
    }

    String output() {
        return output.toString();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
