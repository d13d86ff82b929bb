package appliance.readme;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bin/appliance serve} running as its own process, on a free port and in memory (the tests must
 * not meet another server on 8083 or a store in use); stopped as Ctrl-C stops it.
 */
final class RunningServe implements AutoCloseable {

    private static final Pattern ENDPOINT = Pattern.compile("Step Functions API on (http://127\\.0\\.0\\.1:(\\d+))");

    private final Process process;
    private final String endpoint;
    private final int port;
    private final StringBuilder output = new StringBuilder();

    private RunningServe(Process process, String endpoint, int port) {
        this.process = process;
        this.endpoint = endpoint;
        this.port = port;
    }

    /** Starts it with these extra options and waits (up to a generous bound) until it says where it listens. */
    static RunningServe start(String... options) {
        String[] args = new String[options.length + 4];
        args[0] = "serve";
        args[1] = "--port";
        args[2] = "0";
        args[3] = "--in-memory";
        System.arraycopy(options, 0, args, 4, options.length);
        Process process = UserProcess.appliance(args).start();
        UserProcess.readAll(process.getErrorStream());
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Matcher> listening = CompletableFuture.supplyAsync(() -> {
            try {
                StringBuilder seen = new StringBuilder();
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    seen.append(line).append('\n');
                    Matcher matcher = ENDPOINT.matcher(line);
                    if (matcher.find()) {
                        return matcher;
                    }
                }
                throw new AssertionError("bin/appliance serve ended without listening:\n" + seen);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            Matcher matcher = listening.get(3, TimeUnit.MINUTES);
            UserProcess.readAll(process.getInputStream());
            return new RunningServe(process, matcher.group(1), Integer.parseInt(matcher.group(2)));
        } catch (Exception e) {
            process.destroyForcibly();
            throw new AssertionError("bin/appliance serve did not start", e);
        }
    }

    String endpoint() {
        return endpoint;
    }

    /** A README command with the README's port replaced by this server's. */
    String onThisPort(String readmeCommand) {
        return readmeCommand.replace(":8083", ":" + port);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(1, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
    }
}
