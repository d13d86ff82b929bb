package appliance.server.crash;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The callers: each thread starts executions one after another (machine and input in turn), notes every
 * call the server answered, and counts the calls that got no answer (the server was down, or died in
 * the middle); it goes on until told to stop.
 */
final class Clients16 {

    private final List<Thread> threads = new ArrayList<>();
    private final AtomicBoolean stop = new AtomicBoolean();
    final Queue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
    final AtomicLong unanswered = new AtomicLong();

    Clients16(int count, URI endpoint, Map<String, String> machineArns, List<String> kinds) {
        for (int c = 0; c < count; c++) {
            int client = c;
            Thread thread = new Thread(() -> run(client, endpoint, machineArns, kinds), "crash-client-" + c);
            thread.setDaemon(true);
            threads.add(thread);
        }
    }

    void start() {
        threads.forEach(Thread::start);
    }

    void stop() throws InterruptedException {
        stop.set(true);
        for (Thread thread : threads) {
            thread.join(60_000);
        }
    }

    private void run(int client, URI endpoint, Map<String, String> machineArns, List<String> kinds) {
        try (SfnClient sfn = Clients.sfn(endpoint, Duration.ofSeconds(10))) {
            for (int n = 0; !stop.get(); n++) {
                String kind = kinds.get(n % kinds.size());
                int variant = (n / kinds.size()) % Workload.VARIANTS;
                String name = "c" + client + "-" + n;
                String input = Workload.input(variant);
                try {
                    String arn = sfn.startExecution(r -> r.stateMachineArn(machineArns.get(kind)).name(name).input(input))
                            .executionArn();
                    if (arn == null) {
                        // The server died while the answer was on the wire: the client never got it whole.
                        unanswered.incrementAndGet();
                        continue;
                    }
                    acknowledged.add(new Acknowledged(arn, name, kind, variant));
                } catch (RuntimeException noAnswer) {
                    unanswered.incrementAndGet();
                    pause();
                }
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
