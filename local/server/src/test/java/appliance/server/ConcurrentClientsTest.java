package appliance.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ListExecutionsResponse;

class ConcurrentClientsTest {

    private final ServerFixture fixture = new ServerFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void many_clients_starting_at_once_lose_and_duplicate_nothing() throws Exception {
        String machine = fixture.createMachine("Busy", "{\"StartAt\":\"A\",\"States\":{"
                + "\"A\":{\"Type\":\"Pass\",\"Next\":\"B\"},"
                + "\"B\":{\"Type\":\"Task\",\"Resource\":\"" + ControllableTasks.ECHO + "\",\"End\":true}}}");
        int clients = 8;
        int each = 25;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<List<String>>> results = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            results.add(pool.submit(() -> {
                List<String> arns = new ArrayList<>();
                try (SfnClient sfn = ServerFixture.client(fixture.server.endpoint())) {
                    for (int i = 0; i < each; i++) {
                        String name = "c" + client + "-" + i;
                        arns.add(sfn.startExecution(r -> r.stateMachineArn(machine).name(name)
                                .input("{\"n\":\"" + name + "\"}")).executionArn());
                    }
                }
                return arns;
            }));
        }
        Set<String> started = new HashSet<>();
        for (Future<List<String>> result : results) {
            started.addAll(result.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        for (String arn : started) {
            assertThat(fixture.awaitFinished(arn)).isEqualTo("SUCCEEDED");
        }

        List<String> listed = new ArrayList<>();
        String token = null;
        do {
            String current = token;
            ListExecutionsResponse page = fixture.sfn.listExecutions(
                    r -> r.stateMachineArn(machine).maxResults(1000).nextToken(current));
            page.executions().stream().map(ExecutionListItem::executionArn).forEach(listed::add);
            token = page.nextToken();
        } while (token != null);

        assertThat(started).hasSize(clients * each);
        assertThat(listed).hasSize(clients * each).containsExactlyInAnyOrderElementsOf(started);
        for (String arn : started) {
            assertThat(fixture.sfn.getExecutionHistory(r -> r.executionArn(arn)).events())
                    .extracting(software.amazon.awssdk.services.sfn.model.HistoryEvent::id)
                    .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        }
    }
}
