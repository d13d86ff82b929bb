package appliance.readme;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ENDPOINT = Pattern.compile("APIs? on (http://127\\.0\\.0\\.1:(\\d+))");

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

    /** One call of the Step Functions API (AWS JSON 1.0), as an SDK makes it; its answer, which must be a 200. */
    JsonNode call(String action, JsonNode request) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(endpoint))
                        .header("Content-Type", "application/x-amz-json-1.0")
                        .header("X-Amz-Target", "AWSStepFunctions." + action)
                        .POST(HttpRequest.BodyPublishers.ofString(request.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError(action + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** DescribeExecution, asked again until the execution has ended (a generous bound fails a hung one). */
    JsonNode untilEnded(String executionArn) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            JsonNode described = call("DescribeExecution", JSON.createObjectNode().put("executionArn", executionArn));
            if (!described.get("status").asText().equals("RUNNING")) {
                return described;
            }
        }
        throw new AssertionError(executionArn + " still RUNNING after 2 minutes");
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
