package appliance.server.crash;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;

/**
 * A Pass→Choice loop started with a 256 KiB state, on a server whose heap is capped ({@code -Xmx}): it
 * must fail as AWS fails it, at 25,000 history events, while the server keeps answering; prints the
 * time it took, the heap bound it held to, and the store's size.
 */
final class HistoryLimitRun {

    record Result(String status, String error, String cause, double seconds, String heap, long storeBytes,
            boolean serverAnswered) {

        boolean ok() {
            return "FAILED".equals(status) && "States.Runtime".equals(error) && cause != null && cause.contains("25000")
                    && serverAnswered;
        }

        String summary() {
            return String.format("loop to 25,000 events with a 256 KiB state under -Xmx%s: %s %s (%s) after %.1f s;"
                    + " the server answered throughout: %s; store %.0f MB", heap, status, error, cause, seconds,
                    serverAnswered, storeBytes / 1e6);
        }
    }

    static final String LOOP = """
            {"StartAt":"Count","States":{
              "Count":{"Type":"Pass","Parameters":{"big.$":"$.big","n.$":"States.MathAdd($.n, 1)"},"Next":"Again"},
              "Again":{"Type":"Choice","Choices":[{"Variable":"$.n","NumericGreaterThan":1000000000,"Next":"Done"}],
                "Default":"Count"},
              "Done":{"Type":"Succeed"}}}""";

    private final List<String> command;
    private final Path store;
    private final String heap;

    HistoryLimitRun(List<String> command, Path store, String heap) {
        this.command = command;
        this.store = store;
        this.heap = heap;
    }

    Result run() throws Exception {
        ServerProcess server = new ServerProcess(command, CrashRun.freePort(), store, List.of("JAVA_TOOL_OPTIONS=-Xmx" + heap));
        server.start(Duration.ofMinutes(3));
        Instant began = Instant.now();
        try (SfnClient sfn = Clients.sfn(server.endpoint(), Duration.ofSeconds(60))) {
            String machine = sfn.createStateMachine(r -> r.name("HistoryLimit").definition(LOOP)
                    .roleArn("arn:aws:iam::123456789012:role/CrashTest")).stateMachineArn();
            String input = "{\"n\":0,\"big\":\"" + "x".repeat(262_144 - 20) + "\"}";
            String arn = sfn.startExecution(r -> r.stateMachineArn(machine).input(input)).executionArn();
            boolean answered = true;
            DescribeExecutionResponse described;
            Instant deadline = Instant.now().plus(Duration.ofMinutes(20));
            while (true) {
                Instant asked = Instant.now();
                sfn.listStateMachines(r -> r.maxResults(1));
                answered &= Duration.between(asked, Instant.now()).toMillis() < 5_000;
                described = sfn.describeExecution(r -> r.executionArn(arn));
                if (!"RUNNING".equals(described.statusAsString()) || Instant.now().isAfter(deadline)) {
                    break;
                }
                Thread.sleep(500);
            }
            double seconds = Duration.between(began, Instant.now()).toMillis() / 1000.0;
            return new Result(described.statusAsString(), described.error(), described.cause(), seconds, heap,
                    size(store), answered);
        } finally {
            server.terminate();
        }
    }

    private static long size(Path folder) throws java.io.IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(path -> path.toFile().length()).sum();
        }
    }
}
