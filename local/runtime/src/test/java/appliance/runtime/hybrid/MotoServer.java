package appliance.runtime.hybrid;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * moto's server mode ({@code moto_server}, Python): real local DynamoDB, SQS, SNS and EventBridge APIs for
 * tests. Started on a free port; ready once it prints that it is running. Tests that need it are skipped,
 * with a message, where moto_server is not installed.
 */
final class MotoServer implements AutoCloseable {

    private final Process process;
    private final URI endpoint;

    private MotoServer(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    static boolean installed() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String folder : path.split(File.pathSeparator)) {
            if (new File(folder, "moto_server").canExecute()) {
                return true;
            }
        }
        return false;
    }

    /** Starts moto_server, or skips the test when it is not installed (pip install 'moto[server]'). */
    static MotoServer start() throws IOException, InterruptedException {
        assumeTrue(installed(), "moto_server is not installed (pip install 'moto[server]'): skipped");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Process process = new ProcessBuilder("moto_server", "-H", "127.0.0.1", "-p", Integer.toString(port))
                .redirectErrorStream(true).start();
        CompletableFuture<Boolean> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.contains("Running on")) {
                        ready.complete(true);
                    }
                }
            } catch (IOException ended) {
                // the process ended; the future below says so
            }
            ready.complete(false);
        }, "moto-output");
        reader.setDaemon(true);
        reader.start();
        boolean started;
        try {
            started = ready.get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            started = false;
        }
        if (!started) {
            process.destroyForcibly();
            throw new IllegalStateException("moto_server did not start on port " + port);
        }
        return new MotoServer(process, URI.create("http://127.0.0.1:" + port));
    }

    URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
