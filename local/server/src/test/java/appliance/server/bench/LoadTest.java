package appliance.server.bench;

import appliance.server.ServerOptions;
import appliance.server.StepFunctionsServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.ListExecutionsResponse;

/**
 * The server under load (a script, not a test; run it with {@code local/server/load-test.sh}): starts
 * 10,000 executions from 16 concurrent SfnClient threads against a server on a file store, prints
 * the durable throughput (each StartExecution answers once its start is fsync'd to the store's journal)
 * and the p50/p99 latency of StartExecution, then checks that every execution finished
 * with a complete history, none lost and none duplicated. Exit 1 when a check fails.
 *
 * <p>Options: {@code --executions N} (10000), {@code --clients N} (16), {@code --in-memory} (a store
 * that never syncs: the same server without the cost of durability, for comparison).
 */
public final class LoadTest {

    private static final String TASK = "arn:aws:lambda:us-east-1:123456789012:function:Echo";
    private static final String DEFINITION = "{\"StartAt\":\"Prepare\",\"States\":{"
            + "\"Prepare\":{\"Type\":\"Pass\",\"Parameters\":{\"id.$\":\"$.id\",\"at.$\":\"$$.Execution.StartTime\"},\"Next\":\"Work\"},"
            + "\"Work\":{\"Type\":\"Task\",\"Resource\":\"" + TASK + "\",\"Next\":\"Done\"},"
            + "\"Done\":{\"Type\":\"Succeed\"}}}";
    /** The complete history of one execution of DEFINITION, in order. */
    private static final List<String> EXPECTED_TYPES = List.of("ExecutionStarted", "PassStateEntered", "PassStateExited",
            "TaskStateEntered", "LambdaFunctionScheduled", "LambdaFunctionStarted", "LambdaFunctionSucceeded",
            "TaskStateExited", "SucceedStateEntered", "SucceedStateExited", "ExecutionSucceeded");

    private LoadTest() {
    }

    public static void main(String[] args) throws Exception {
        int executions = option(args, "--executions", 10_000);
        int clients = option(args, "--clients", 16);
        Path folder = Files.createTempDirectory("sfn-load");
        boolean inMemory = java.util.Arrays.asList(args).contains("--in-memory");
        ServerOptions options = new ServerOptions("127.0.0.1", 0, inMemory ? null : folder.resolve("server-db"), null);
        System.out.println(inMemory ? "store in memory (not durable)" : "store on disk, durable (fsync before each answer)");
        boolean ok;
        try (StepFunctionsServer server = StepFunctionsServer.start(options,
                request -> CompletableFuture.completedFuture(request.parameters()), Clock.systemUTC())) {
            ok = run(server, executions, clients, inMemory ? "starts/s (not durable)" : "durable starts/s");
        }
        System.out.println(ok ? "OK" : "FAILED");
        System.exit(ok ? 0 : 1);
    }

    private static boolean run(StepFunctionsServer server, int executions, int clients, String unit) throws Exception {
        String machine = server.registerStateMachine("Load", DEFINITION, "STANDARD",
                request -> CompletableFuture.completedFuture(request.parameters()));
        long[] latencies = new long[executions];
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<List<String>>> results = new ArrayList<>();
        long begin = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int client = c;
            results.add(pool.submit(() -> {
                List<String> arns = new ArrayList<>();
                try (SfnClient sfn = client(server.endpoint())) {
                    for (int i = client; i < executions; i += clients) {
                        String name = "load-" + i;
                        String input = "{\"id\":" + i + "}";
                        long t0 = System.nanoTime();
                        arns.add(sfn.startExecution(r -> r.stateMachineArn(machine).name(name).input(input)).executionArn());
                        latencies[i] = System.nanoTime() - t0;
                    }
                }
                return arns;
            }));
        }
        List<String> started = new ArrayList<>();
        for (Future<List<String>> result : results) {
            started.addAll(result.get(30, TimeUnit.MINUTES));
        }
        double startSeconds = (System.nanoTime() - begin) / 1e9;
        for (String arn : started) {
            server.finished(arn).get(5, TimeUnit.MINUTES);
        }
        double allSeconds = (System.nanoTime() - begin) / 1e9;
        pool.shutdown();

        Arrays.sort(latencies);
        System.out.printf("%d StartExecution calls from %d clients in %.2f s: %.0f %s%n", executions, clients,
                startSeconds, executions / startSeconds, unit);
        System.out.printf("all %d executions finished, their ends stored, after %.2f s: %.0f executions/s%n", executions,
                allSeconds, executions / allSeconds);
        System.out.printf("StartExecution latency: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                latencies[executions / 2] / 1e6, latencies[(int) (executions * 0.99)] / 1e6,
                latencies[executions - 1] / 1e6);
        return check(server, machine, started, executions);
    }

    /** Every execution listed once, SUCCEEDED, with the full history in order. */
    private static boolean check(StepFunctionsServer server, String machine, List<String> started, int executions) {
        boolean ok = true;
        Set<String> unique = new HashSet<>(started);
        if (unique.size() != executions) {
            System.out.println("duplicated start answers: " + (executions - unique.size()));
            ok = false;
        }
        try (SfnClient sfn = client(server.endpoint())) {
            List<ExecutionListItem> listed = new ArrayList<>();
            String token = null;
            do {
                String current = token;
                ListExecutionsResponse page = sfn.listExecutions(r -> r.stateMachineArn(machine).maxResults(1000).nextToken(current));
                listed.addAll(page.executions());
                token = page.nextToken();
            } while (token != null);
            Set<String> listedArns = new HashSet<>();
            listed.forEach(item -> listedArns.add(item.executionArn()));
            long notSucceeded = listed.stream().filter(item -> !"SUCCEEDED".equals(item.statusAsString())).count();
            Set<String> lost = new HashSet<>(unique);
            lost.removeAll(listedArns);
            System.out.printf("listed %d executions (%d distinct), %d not SUCCEEDED, %d lost%n", listed.size(),
                    listedArns.size(), notSucceeded, lost.size());
            ok &= listed.size() == executions && listedArns.size() == executions && notSucceeded == 0 && lost.isEmpty();

            int incomplete = 0;
            for (String arn : unique) {
                GetExecutionHistoryResponse history = sfn.getExecutionHistory(r -> r.executionArn(arn).maxResults(1000));
                List<String> types = history.events().stream().map(HistoryEvent::typeAsString).toList();
                boolean contiguous = true;
                for (int i = 0; i < history.events().size(); i++) {
                    contiguous &= history.events().get(i).id() == i + 1;
                }
                if (!types.equals(EXPECTED_TYPES) || !contiguous || history.nextToken() != null) {
                    incomplete++;
                }
            }
            System.out.printf("histories complete: %d of %d%n", unique.size() - incomplete, unique.size());
            ok &= incomplete == 0;
        }
        return ok;
    }

    private static SfnClient client(URI endpoint) {
        return SfnClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    private static int option(String[] args, String name, int fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
