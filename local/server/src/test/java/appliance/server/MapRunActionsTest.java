package appliance.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import appliance.engine.maprun.ObjectStore;
import appliance.engine.maprun.ObjectStoreException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.DescribeMapRunResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.ResourceNotFoundException;

/** DISTRIBUTED Maps on serve: Map Runs whose children are executions of the server, through AWS's SDK. */
class MapRunActionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ServerFixture fixture = new ServerFixture();
    private final Map<String, byte[]> objects = new ConcurrentHashMap<>();

    @AfterEach
    void close() {
        fixture.close();
    }

    private static String distributed(String fields, String processor) {
        return """
                {"StartAt":"M","States":{"M":{"Type":"Map","End":true,%s
                  "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},%s}}}}"""
                .formatted(fields, processor);
    }

    private static final String PASS = "\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}";

    private String mapRunArn(String executionArn) {
        List<HistoryEvent> events = fixture.sfn.getExecutionHistory(r -> r.executionArn(executionArn)).events();
        return events.stream().filter(e -> e.type() == HistoryEventType.MAP_RUN_STARTED).findFirst().orElseThrow()
                .mapRunStartedEventDetails().mapRunArn();
    }

    @Test
    void the_state_machine_for_a_child_is_the_map_runs_with_the_item_processor_as_its_definition() throws Exception {
        String machine = fixture.createMachine("Fan", distributed("\"Label\":\"fan\",", PASS));
        String arn = fixture.sfn.startExecution(r -> r.stateMachineArn(machine).input("[1]")).executionArn();
        assertThat(fixture.awaitFinished(arn)).isEqualTo("SUCCEEDED");
        String mapRun = mapRunArn(arn);
        String child = fixture.sfn.listExecutions(r -> r.mapRunArn(mapRun)).executions().get(0).executionArn();

        var described = fixture.sfn.describeStateMachineForExecution(r -> r.executionArn(child));

        assertThat(described.stateMachineArn()).isEqualTo(machine + "/fan");
        assertThat(described.mapRunArn()).isEqualTo(mapRun);
        assertThat(described.label()).isEqualTo("fan");
        assertThat(described.roleArn()).isEqualTo(ServerFixture.ROLE);
        JsonNode definition = JSON.readTree(described.definition());
        assertThat(definition.path("StartAt").asText()).isEqualTo("P");
        assertThat(definition.path("States").has("M")).isFalse();
        // The parent's own answer has no Map Run.
        assertThat(fixture.sfn.describeStateMachineForExecution(r -> r.executionArn(arn)).mapRunArn()).isNull();
    }

    @Test
    void children_are_executions_listed_by_map_run_and_described_with_it() throws Exception {
        String machine = fixture.createMachine("Fan", distributed("\"Label\":\"fan\",", PASS));
        String arn = fixture.sfn.startExecution(r -> r.stateMachineArn(machine).input("[1,2,3]")).executionArn();
        assertThat(fixture.awaitFinished(arn)).isEqualTo("SUCCEEDED");
        assertThat(fixture.sfn.describeExecution(r -> r.executionArn(arn)).output()).isEqualTo("[1,2,3]");
        String mapRun = mapRunArn(arn);
        assertThat(mapRun).startsWith("arn:aws:states:us-east-1:123456789012:mapRun:Fan/fan:");

        List<ExecutionListItem> children = fixture.sfn.listExecutions(r -> r.mapRunArn(mapRun)).executions();
        assertThat(children).hasSize(3);
        assertThat(children).allSatisfy(child -> {
            assertThat(child.executionArn()).startsWith("arn:aws:states:us-east-1:123456789012:execution:Fan/fan:");
            assertThat(child.mapRunArn()).isEqualTo(mapRun);
            assertThat(child.statusAsString()).isEqualTo("SUCCEEDED");
        });
        DescribeExecutionResponse child = fixture.sfn.describeExecution(r -> r.executionArn(children.get(0).executionArn()));
        assertThat(child.mapRunArn()).isEqualTo(mapRun);
        assertThat(fixture.sfn.getExecutionHistory(r -> r.executionArn(child.executionArn())).events())
                .extracting(HistoryEvent::typeAsString)
                .containsExactly("ExecutionStarted", "PassStateEntered", "PassStateExited", "ExecutionSucceeded");
        // The machine's own listing has the parent, not the children.
        assertThat(fixture.sfn.listExecutions(r -> r.stateMachineArn(machine)).executions()).hasSize(1);

        DescribeMapRunResponse described = fixture.sfn.describeMapRun(r -> r.mapRunArn(mapRun));
        assertThat(described.executionArn()).isEqualTo(arn);
        assertThat(described.statusAsString()).isEqualTo("SUCCEEDED");
        assertThat(described.itemCounts().succeeded()).isEqualTo(3);
        assertThat(described.itemCounts().total()).isEqualTo(3);
        assertThat(described.executionCounts().succeeded()).isEqualTo(3);
        assertThat(fixture.sfn.listMapRuns(r -> r.executionArn(arn)).mapRuns())
                .singleElement().satisfies(item -> assertThat(item.mapRunArn()).isEqualTo(mapRun));
    }

    private JsonNode debug(String path, String param, String value) throws Exception {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(fixture.server.endpoint().resolve("/debug/" + path + "?" + param + "="
                        + java.net.URLEncoder.encode(value, StandardCharsets.UTF_8))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    @Test
    void the_debugger_shows_a_map_runs_children_and_opens_each() throws Exception {
        String machine = fixture.createMachine("Shown", distributed("", PASS));
        String arn = fixture.sfn.startExecution(r -> r.stateMachineArn(machine).input("[1,2]")).executionArn();
        fixture.awaitFinished(arn);
        JsonNode mapRun = debug("maprun", "mapRunArn", mapRunArn(arn));
        assertThat(mapRun.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(mapRun.get("children")).hasSize(2);
        String child = mapRun.at("/children/0/executionArn").asText();
        assertThat(mapRun.at("/children/0/status").asText()).isEqualTo("SUCCEEDED");
        JsonNode visits = debug("visits", "executionArn", child);
        assertThat(visits.at("/visits/0/name").asText()).isEqualTo("P");
        JsonNode childMachine = debug("machine", "stateMachineArn", visits.at("/execution/stateMachineArn").asText());
        assertThat(childMachine.get("mapRunChild").asBoolean()).isTrue();
        assertThat(JSON.readTree(childMachine.get("definition").asText()).get("StartAt").asText()).isEqualTo("P");
    }

    @Test
    void update_map_run_raises_the_concurrency_of_a_running_map_run() throws Exception {
        String machine = fixture.createMachine("Slow", distributed("\"MaxConcurrency\":1,",
                "\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\",\"Resource\":\"" + ControllableTasks.HOLD + "\",\"End\":true}}"));
        String arn = fixture.sfn.startExecution(r -> r.stateMachineArn(machine).input("[1,2,3]")).executionArn();
        CompletableFuture<JsonNode> first = fixture.tasks.nextHeld();
        String mapRun = mapRunArn(arn);
        assertThat(fixture.sfn.describeMapRun(r -> r.mapRunArn(mapRun)).maxConcurrency()).isEqualTo(1);
        fixture.sfn.updateMapRun(r -> r.mapRunArn(mapRun).maxConcurrency(5));
        // With the update, the two items left start while the first still runs.
        CompletableFuture<JsonNode> second = fixture.tasks.nextHeld();
        CompletableFuture<JsonNode> third = fixture.tasks.nextHeld();
        assertThat(fixture.sfn.describeMapRun(r -> r.mapRunArn(mapRun)).maxConcurrency()).isEqualTo(5);
        first.complete(JSON.readTree("1"));
        second.complete(JSON.readTree("2"));
        third.complete(JSON.readTree("3"));
        assertThat(fixture.awaitFinished(arn)).isEqualTo("SUCCEEDED");
    }

    @Test
    void an_unknown_map_run_is_resource_not_found() {
        String unknown = "arn:aws:states:us-east-1:123456789012:mapRun:X/y:00000000-0000-0000-0000-000000000000";
        assertThatThrownBy(() -> fixture.sfn.describeMapRun(r -> r.mapRunArn(unknown)))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> fixture.sfn.updateMapRun(r -> r.mapRunArn(unknown).maxConcurrency(1)))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> fixture.sfn.describeMapRun(r -> r.mapRunArn("arn:aws:states:us-east-1:123456789012:execution:X:y")))
                .isInstanceOf(software.amazon.awssdk.services.sfn.model.InvalidArnException.class);
    }

    /** The bench's 100,000 items (local/bench/distributed-map), through serve: JSON Lines, batches of 100. */
    private static final int ITEMS = 100_000;

    @Test
    void items_from_json_lines_run_in_batches_as_child_executions() throws Exception {
        fixture.server.useObjectStore(memoryStore());
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < ITEMS; i++) {
            lines.append("{\"n\":").append(i).append("}\n");
        }
        objects.put("data/items.jsonl", lines.toString().getBytes(StandardCharsets.UTF_8));
        String machine = fixture.createMachine("Lines", distributed("""
                "ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"JSONL"},
                  "Parameters":{"Bucket":"data","Key":"items.jsonl"}},
                "ItemBatcher":{"MaxItemsPerBatch":100},
                "ResultWriter":{"Resource":"arn:aws:states:::s3:putObject","Parameters":{"Bucket":"out","Prefix":"r"}},""",
                """
                "StartAt":"Each","States":{"Each":{"Type":"Map","ItemsPath":"$.Items","End":true,
                  "ResultSelector":{"n.$":"States.ArrayLength($)"},
                  "ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}}}"""));
        String arn = fixture.sfn.startExecution(r -> r.stateMachineArn(machine)).executionArn();
        assertThat(fixture.server.finished(arn).get(120, TimeUnit.SECONDS)).isEqualTo("SUCCEEDED");
        JsonNode output = JSON.readTree(fixture.sfn.describeExecution(r -> r.executionArn(arn)).output());
        String manifestKey = output.at("/ResultWriterDetails/Key").asText();
        JsonNode manifest = JSON.readTree(objects.get("out/" + manifestKey));
        String succeededKey = manifest.at("/ResultFiles/SUCCEEDED/0/Key").asText();
        JsonNode succeeded = JSON.readTree(objects.get("out/" + succeededKey));
        assertThat(succeeded).hasSize(ITEMS / 100);
        assertThat(JSON.readTree(succeeded.get(0).get("Output").asText())).isEqualTo(JSON.readTree("{\"n\":100}"));
        DescribeMapRunResponse described = fixture.sfn.describeMapRun(r -> r.mapRunArn(output.get("MapRunArn").asText()));
        assertThat(described.itemCounts().succeeded()).isEqualTo(ITEMS);
        assertThat(described.executionCounts().succeeded()).isEqualTo(ITEMS / 100);
        assertThat(fixture.sfn.getExecutionHistory(r -> r.executionArn(arn)).events()).hasSize(8);
    }

    private ObjectStore memoryStore() {
        return new ObjectStore() {
            @Override
            public byte[] get(String bucket, String key) {
                byte[] content = objects.get(bucket + "/" + key);
                if (content == null) {
                    throw new ObjectStoreException("NoSuchKey: s3://" + bucket + "/" + key);
                }
                return content;
            }

            @Override
            public List<ObjectSummary> list(String bucket, String prefix) {
                return List.of();
            }

            @Override
            public void put(String bucket, String key, byte[] content) {
                objects.put(bucket + "/" + key, content);
            }
        };
    }
}
