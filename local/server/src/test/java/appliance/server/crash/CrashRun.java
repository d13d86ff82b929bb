package appliance.server.crash;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.ListExecutionsResponse;

/**
 * One crash run: the server on a file store, {@code clients} callers starting executions of the
 * {@link Workload}, the server killed with SIGKILL {@code kills} times and stopped with SIGTERM
 * {@code terms} times at random moments, restarted each time; then every acknowledged execution is
 * checked: still there (none lost), there once (none duplicated), ended, its history complete, its
 * output that of an uninterrupted run of the same machine and input.
 */
final class CrashRun {

    record Options(List<String> serveCommand, Path store, List<String> environment, String function, int clients,
            int kills, int terms, Duration minUp, Duration maxUp, int minAcknowledged, long seed) {
    }

    /** What the run found. */
    record Result(int acknowledged, long unanswered, int lost, int duplicated, int resumed, int finished,
            int succeeded, int completeHistories, int equalOutputs, int restarts, double seconds, List<String> problems) {

        boolean ok() {
            return lost == 0 && duplicated == 0 && finished == acknowledged && succeeded == acknowledged
                    && completeHistories == acknowledged && equalOutputs == acknowledged && problems.isEmpty();
        }

        String summary() {
            return String.format("acknowledged %d (and %d calls unanswered while the server was down), lost %d, duplicated"
                    + " %d, resumed %d (running at a crash, ended after a restart)%n"
                    + "ended %d, SUCCEEDED %d, complete histories %d, outputs equal to an uninterrupted run %d;"
                    + " %d restarts in %.1f s", acknowledged, unanswered, lost, duplicated, resumed, finished, succeeded,
                    completeHistories, equalOutputs, restarts, seconds);
        }
    }

    private final Options options;
    private final Workload workload;

    CrashRun(Options options) {
        this.options = options;
        this.workload = new Workload(options.function());
    }

    Result run() throws Exception {
        Instant began = Instant.now();
        ServerProcess server = new ServerProcess(options.serveCommand(), freePort(), options.store(), options.environment());
        server.start(Duration.ofMinutes(3));
        Map<String, String> machines = createMachines(server);
        Clients16 clients = new Clients16(options.clients(), server.endpoint(), machines,
                workload.kinds().stream().map(Workload.Kind::name).toList());
        clients.start();
        Random random = new Random(options.seed());
        List<Instant> crashes = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<Boolean> plan = new ArrayList<>();
        for (int i = 0; i < options.kills(); i++) {
            plan.add(true);
        }
        for (int i = 0; i < options.terms(); i++) {
            plan.add(random.nextInt(plan.size() + 1), false);
        }
        for (boolean kill : plan) {
            long upMillis = options.minUp().toMillis()
                    + (long) (random.nextDouble() * (options.maxUp().toMillis() - options.minUp().toMillis()));
            Thread.sleep(upMillis);
            crashes.add(Instant.now());
            if (kill) {
                server.kill();
            } else {
                int code = server.terminate();
                if (code != 0 && code != 143 && code != 130) {
                    problems.add("after SIGTERM the server exited with " + code);
                }
            }
            server.start(Duration.ofMinutes(3));
        }
        while (clients.acknowledged.size() < options.minAcknowledged()) {
            Thread.sleep(100);
        }
        clients.stop();
        Result result;
        try (SfnClient sfn = Clients.sfn(server.endpoint(), Duration.ofSeconds(30))) {
            result = check(sfn, clients, machines, crashes, problems, began);
        } finally {
            server.terminate();
        }
        return result;
    }

    private Map<String, String> createMachines(ServerProcess server) {
        Map<String, String> arns = new LinkedHashMap<>();
        try (SfnClient sfn = Clients.sfn(server.endpoint(), Duration.ofSeconds(30))) {
            for (Workload.Kind kind : workload.kinds()) {
                arns.put(kind.name(), sfn.createStateMachine(r -> r.name(kind.name()).definition(kind.definition())
                        .roleArn("arn:aws:iam::123456789012:role/CrashTest")).stateMachineArn());
            }
        }
        return arns;
    }

    private Result check(SfnClient sfn, Clients16 clients, Map<String, String> machines, List<Instant> crashes,
            List<String> problems, Instant began) throws Exception {
        List<Acknowledged> acknowledged = new ArrayList<>(clients.acknowledged);
        Map<String, String> reference = referenceOutputs(sfn, machines);
        int lost = 0;
        int finished = 0;
        int succeeded = 0;
        int complete = 0;
        int equal = 0;
        int resumed = 0;
        Set<String> names = new HashSet<>();
        for (Acknowledged execution : acknowledged) {
            names.add(execution.executionArn());
            DescribeExecutionResponse described;
            try {
                described = awaitEnd(sfn, execution.executionArn());
            } catch (ExecutionDoesNotExistException e) {
                lost++;
                problems.add("lost: " + execution.executionArn());
                continue;
            }
            if (described.stopDate() == null) {
                problems.add("still running: " + execution.executionArn());
                continue;
            }
            finished++;
            if ("SUCCEEDED".equals(described.statusAsString())) {
                succeeded++;
            } else if (problems.size() < 20) {
                problems.add(execution.executionArn() + " ended " + described.statusAsString() + ": " + described.error()
                        + " " + described.cause());
            }
            if (completeHistory(sfn, execution.executionArn())) {
                complete++;
            } else if (problems.size() < 20) {
                problems.add("incomplete history: " + execution.executionArn());
            }
            if (described.output() != null
                    && described.output().equals(reference.get(execution.machine() + "/" + execution.variant()))) {
                equal++;
            } else if (problems.size() < 20) {
                problems.add("output of " + execution.executionArn() + " is " + described.output() + ", uninterrupted: "
                        + reference.get(execution.machine() + "/" + execution.variant()));
            }
            for (Instant crash : crashes) {
                if (described.startDate().isBefore(crash) && described.stopDate().isAfter(crash)) {
                    resumed++;
                    break;
                }
            }
        }
        int duplicated = (acknowledged.size() - names.size()) + duplicatesListed(sfn, machines);
        return new Result(acknowledged.size(), clients.unanswered.get(), lost, duplicated, resumed, finished, succeeded,
                complete, equal, crashes.size(), Duration.between(began, Instant.now()).toMillis() / 1000.0, problems);
    }

    /** Each machine and input run once more, with no crash: what every execution of them must give. */
    private Map<String, String> referenceOutputs(SfnClient sfn, Map<String, String> machines) throws Exception {
        Map<String, String> started = new HashMap<>();
        for (Map.Entry<String, String> machine : machines.entrySet()) {
            for (int variant = 0; variant < Workload.VARIANTS; variant++) {
                String input = Workload.input(variant);
                String name = "uninterrupted-" + variant;
                started.put(machine.getKey() + "/" + variant, sfn.startExecution(r -> r.stateMachineArn(machine.getValue())
                        .name(name).input(input)).executionArn());
            }
        }
        Map<String, String> outputs = new HashMap<>();
        for (Map.Entry<String, String> run : started.entrySet()) {
            outputs.put(run.getKey(), awaitEnd(sfn, run.getValue()).output());
        }
        return outputs;
    }

    private static DescribeExecutionResponse awaitEnd(SfnClient sfn, String arn) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (true) {
            DescribeExecutionResponse described = sfn.describeExecution(r -> r.executionArn(arn));
            if (!"RUNNING".equals(described.statusAsString()) || Instant.now().isAfter(deadline)) {
                return described;
            }
            Thread.sleep(50);
        }
    }

    /** Ids 1..n with no gap, one ExecutionStarted first, one end last. */
    private static boolean completeHistory(SfnClient sfn, String arn) {
        List<HistoryEvent> events = new ArrayList<>();
        String token = null;
        do {
            String current = token;
            GetExecutionHistoryResponse page = sfn.getExecutionHistory(r -> r.executionArn(arn).maxResults(1000)
                    .nextToken(current));
            events.addAll(page.events());
            token = page.nextToken();
        } while (token != null);
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).id() != i + 1) {
                return false;
            }
        }
        long ends = events.stream().filter(e -> e.typeAsString().matches("Execution(Succeeded|Failed|Aborted|TimedOut)"))
                .count();
        long starts = events.stream().filter(e -> e.typeAsString().equals("ExecutionStarted")).count();
        return !events.isEmpty() && events.get(0).typeAsString().equals("ExecutionStarted") && starts == 1 && ends == 1
                && events.get(events.size() - 1).typeAsString().startsWith("Execution");
    }

    /** ARNs listed more than once across the machines' ListExecutions. */
    private static int duplicatesListed(SfnClient sfn, Map<String, String> machines) {
        int duplicates = 0;
        for (String machine : machines.values()) {
            Set<String> seen = new HashSet<>();
            String token = null;
            do {
                String current = token;
                ListExecutionsResponse page = sfn.listExecutions(r -> r.stateMachineArn(machine).maxResults(1000)
                        .nextToken(current));
                for (ExecutionListItem item : page.executions()) {
                    if (!seen.add(item.executionArn())) {
                        duplicates++;
                    }
                }
                token = page.nextToken();
            } while (token != null);
        }
        return duplicates;
    }

    static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
