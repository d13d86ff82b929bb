package appliance.engine.run;

import static appliance.engine.run.Harness.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import appliance.engine.definition.StateMachineDefinition;
import appliance.engine.error.StatesFailure;
import appliance.engine.history.HistoryEvent;
import appliance.engine.maprun.InMemoryMapRuns;
import appliance.engine.task.TaskInvoker;
import appliance.engine.time.VirtualTimeScheduler;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** DISTRIBUTED Map: Map Runs with child executions, ItemBatcher, tolerance, ItemReader and ResultWriter. */
class DistributedMapTest {

    private final VirtualTimeScheduler scheduler = new VirtualTimeScheduler(Harness.START);
    private final MemoryObjectStore store = new MemoryObjectStore();
    private final List<CompletableFuture<JsonNode>> pending = new ArrayList<>();
    private TaskInvoker tasks = request -> {
        if (request.parameters().path("fail").asBoolean(false)) {
            return CompletableFuture.failedFuture(new StatesFailure("Boom", "item failed"));
        }
        return CompletableFuture.completedFuture(request.parameters());
    };
    private Engine engine;

    private static String map(String fields, String processorStates) {
        return """
                {"StartAt":"M","States":{"M":{"Type":"Map","End":true,%s
                  "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
                    %s}}}}""".formatted(fields, processorStates);
    }

    private static final String PASS = "\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}";
    private static final String TASK = "\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:lambda:us-east-1:123456789012:function:f\",\"End\":true}}";

    private Execution start(String definition, String input) {
        engine = new Engine(scheduler, request -> tasks.invoke(request), new SplittableRandom(3)).withObjectStore(store);
        return engine.start(StateMachineDefinition.compile(json(definition)), json(input),
                ExecutionIdentity.local("Machine", "parent"), null);
    }

    private ExecutionResult run(String definition, String input) {
        Execution execution = start(definition, input);
        scheduler.runUntilIdle();
        return execution.result().toCompletableFuture().getNow(null);
    }

    private String mapRunArn(Execution execution) {
        return execution.history().stream().filter(e -> e.type().equals("MapRunStarted")).findFirst().orElseThrow()
                .details().get("mapRunArn").asText();
    }

    private List<Execution> children(Execution execution) {
        return ((InMemoryMapRuns) engine.mapRuns()).children(mapRunArn(execution));
    }

    @Test
    void each_item_runs_as_a_child_execution_with_a_history_and_arn_of_its_own() {
        Execution parent = start(map("\"Label\":\"batchy\",", PASS), "[1,2,3]");
        scheduler.runUntilIdle();
        assertThat(parent.result().toCompletableFuture().join().output()).isEqualTo(json("[1,2,3]"));
        assertThat(parent.history().stream().map(HistoryEvent::type).toList()).containsExactly("ExecutionStarted",
                "MapStateEntered", "MapStateStarted", "MapRunStarted", "MapRunSucceeded", "MapStateSucceeded",
                "MapStateExited", "ExecutionSucceeded");
        assertThat(mapRunArn(parent)).matches("arn:aws:states:us-east-1:123456789012:mapRun:Machine/batchy:[0-9a-f-]{36}");
        List<Execution> children = children(parent);
        assertThat(children).hasSize(3);
        assertThat(children.get(0).identity().executionArn())
                .matches("arn:aws:states:us-east-1:123456789012:execution:Machine/batchy:[0-9a-f-]{36}");
        assertThat(children.get(0).history().stream().map(HistoryEvent::type).toList()).containsExactly(
                "ExecutionStarted", "PassStateEntered", "PassStateExited", "ExecutionSucceeded");
    }

    @Test
    void an_express_child_has_an_express_arn_and_the_label_defaults_to_the_state_name() {
        String definition = map("", PASS).replace("\"STANDARD\"", "\"EXPRESS\"");
        Execution parent = start(definition, "[1]");
        scheduler.runUntilIdle();
        assertThat(children(parent).get(0).identity().executionArn()).contains(":express:Machine/M:");
    }

    /** Each child runs an inline Map with a Pass per item of its batch and says how many it saw. */
    static final String BATCH_OF_PASSES = """
            "StartAt":"Each","States":{"Each":{"Type":"Map","ItemsPath":"$.Items","End":true,
              "ResultSelector":{"n.$":"States.ArrayLength($)"},
              "ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}}}""";

    @Test
    void a_hundred_thousand_items_from_json_lines_do_not_reach_the_parents_history_limit() {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            lines.append("{\"n\":").append(i).append("}\n");
        }
        store.with("data", "items.jsonl", lines.toString());
        Execution parent = start(map("""
                "ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"JSONL"},
                  "Parameters":{"Bucket":"data","Key":"items.jsonl"}},
                "ItemBatcher":{"MaxItemsPerBatch":100},""", BATCH_OF_PASSES), "{}");
        scheduler.runUntilIdle();
        ExecutionResult result = parent.result().toCompletableFuture().join();
        assertThat(result.status()).as(String.valueOf(result.cause())).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(result.output()).hasSize(1000);
        assertThat(result.output().get(999)).isEqualTo(json("{\"n\":100}"));
        assertThat(parent.history()).hasSize(8);
        assertThat(children(parent)).hasSize(1000);
    }

    @Test
    void item_batcher_gives_each_child_batch_input_and_items_and_one_result_per_batch() {
        ExecutionResult result = run(map("""
                "ItemBatcher":{"MaxItemsPerBatch":2,"BatchInput":{"run.$":"$.run","fixed":1}},"ItemsPath":"$.items",""", PASS),
                "{\"run\":\"r1\",\"items\":[1,2,3,4,5]}");
        assertThat(result.output()).isEqualTo(json("""
                [{"BatchInput":{"run":"r1","fixed":1},"Items":[1,2]},
                 {"BatchInput":{"run":"r1","fixed":1},"Items":[3,4]},
                 {"BatchInput":{"run":"r1","fixed":1},"Items":[5]}]"""));
    }

    @Test
    void item_batcher_reads_max_items_per_batch_from_a_path_and_batches_selected_items() {
        ExecutionResult result = run(map("""
                "ItemBatcher":{"MaxItemsPerBatchPath":"$.size"},"ItemsPath":"$.items",
                "ItemSelector":{"v.$":"$$.Map.Item.Value","i.$":"$$.Map.Item.Index"},""", PASS),
                "{\"size\":3,\"items\":[\"a\",\"b\",\"c\",\"d\"]}");
        assertThat(result.output()).isEqualTo(json("""
                [{"Items":[{"v":"a","i":0},{"v":"b","i":1},{"v":"c","i":2}]},{"Items":[{"v":"d","i":3}]}]"""));
    }

    @Test
    void item_batcher_keeps_each_batch_within_max_input_bytes() {
        // {"Items":[]} is 12 bytes; each "xxxxxxxx" item 10, with the comma 11: two fit in 33, three do not.
        ExecutionResult result = run(map("\"ItemBatcher\":{\"MaxInputBytesPerBatch\":33},", PASS),
                "[\"xxxxxxxx\",\"xxxxxxxx\",\"xxxxxxxx\",\"xxxxxxxx\",\"xxxxxxxx\"]");
        assertThat(result.output()).hasSize(3);
        assertThat(result.output().get(0).get("Items")).hasSize(2);
        assertThat(result.output().get(2).get("Items")).hasSize(1);
    }

    @Test
    void item_batcher_reads_max_input_bytes_per_batch_from_a_path() {
        ExecutionResult result = run(map("\"ItemBatcher\":{\"MaxInputBytesPerBatchPath\":\"$.bytes\"},\"ItemsPath\":\"$.items\",", PASS),
                "{\"bytes\":33,\"items\":[\"xxxxxxxx\",\"xxxxxxxx\",\"xxxxxxxx\"]}");
        assertThat(result.output()).hasSize(2);
        assertThat(result.output().get(1).get("Items")).hasSize(1);
    }

    @Test
    void a_jsonata_map_reads_and_batches_with_arguments_and_expressions() {
        store.with("data", "n.jsonl", "1\n2\n3\n");
        ExecutionResult result = run("""
                {"QueryLanguage":"JSONata","StartAt":"M","States":{"M":{"Type":"Map","End":true,
                  "ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"JSONL"},
                    "Arguments":{"Bucket":"{% $states.input.bucket %}","Key":"n.jsonl"}},
                  "ItemBatcher":{"MaxItemsPerBatch":"{% $states.input.size %}","BatchInput":{"tag":"{% $states.input.tag %}"}},
                  "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
                    "StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}}}}""",
                "{\"bucket\":\"data\",\"size\":2,\"tag\":\"t\"}");
        assertThat(result.output()).isEqualTo(json("""
                [{"BatchInput":{"tag":"t"},"Items":[1,2]},{"BatchInput":{"tag":"t"},"Items":[3]}]"""));
    }

    @Test
    void item_reader_keeps_the_first_max_items_path_items() {
        store.with("data", "a.json", "[1,2,3,4]");
        ExecutionResult result = run(map("""
                "ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"JSON","MaxItemsPath":"$.max"},
                  "Parameters":{"Bucket":"data","Key":"a.json"}},""", PASS), "{\"max\":3}");
        assertThat(result.output()).isEqualTo(json("[1,2,3]"));
    }

    @Test
    void item_batcher_with_a_bad_path_value_fails_the_state() {
        ExecutionResult result = run(map("\"ItemBatcher\":{\"MaxItemsPerBatchPath\":\"$.size\"},\"ItemsPath\":\"$.items\",", PASS),
                "{\"size\":\"many\",\"items\":[1]}");
        assertThat(result.error()).isEqualTo("States.Runtime");
        assertThat(result.cause()).contains("MaxItemsPerBatchPath").contains("not a valid integer");
    }

    @Test
    void max_concurrency_limits_the_children_running_at_once() {
        tasks = request -> {
            CompletableFuture<JsonNode> answer = new CompletableFuture<>();
            pending.add(answer);
            return answer;
        };
        Execution parent = start(map("\"MaxConcurrency\":2,", TASK), "[1,2,3,4,5]");
        scheduler.runUntilIdle();
        assertThat(pending).hasSize(2);
        pending.get(0).complete(json("1"));
        scheduler.runUntilIdle();
        assertThat(pending).hasSize(3);
        for (int i = 1; i < 5; i++) {
            pending.get(i).complete(json(String.valueOf(i + 1)));
            scheduler.runUntilIdle();
        }
        assertThat(parent.result().toCompletableFuture().join().output()).isEqualTo(json("[1,2,3,4,5]"));
    }

    @Test
    void without_max_concurrency_a_map_run_runs_at_most_ten_thousand_children_at_once() {
        tasks = request -> {
            CompletableFuture<JsonNode> answer = new CompletableFuture<>();
            pending.add(answer);
            return answer;
        };
        StringBuilder items = new StringBuilder("[0");
        for (int i = 1; i < 10_005; i++) {
            items.append(',').append(i);
        }
        Execution parent = start(map("", TASK), items.append(']').toString());
        scheduler.runUntilIdle();
        assertThat(pending).hasSize(10_000);
        pending.get(0).complete(json("0"));
        scheduler.runUntilIdle();
        assertThat(pending).hasSize(10_001);
        assertThat(parent.status()).isEqualTo(ExecutionStatus.RUNNING);
    }

    @Test
    void stopping_the_parent_aborts_the_children_still_running() {
        tasks = request -> {
            CompletableFuture<JsonNode> answer = new CompletableFuture<>();
            pending.add(answer);
            return answer;
        };
        Execution parent = start(map("", TASK), "[1,2]");
        scheduler.runUntilIdle();
        pending.get(0).complete(json("1"));
        scheduler.runUntilIdle();
        parent.stop("Stopped", "by the test");
        scheduler.runUntilIdle();
        assertThat(parent.status()).isEqualTo(ExecutionStatus.ABORTED);
        assertThat(children(parent)).extracting(Execution::status)
                .containsExactly(ExecutionStatus.SUCCEEDED, ExecutionStatus.ABORTED);
    }

    // The ASL specification: "If both are specified, the Map State fails if either threshold is breached."
    @Test
    void tolerance_fails_the_map_when_the_count_is_breached_even_if_the_percentage_is_not() {
        ExecutionResult result = run(map("\"ToleratedFailureCount\":1,\"ToleratedFailurePercentage\":90,", TASK),
                "[{\"fail\":true},{\"fail\":true},{}]");
        assertThat(result.error()).isEqualTo("States.ExceedToleratedFailureThreshold");
        assertThat(result.cause()).isEqualTo("The specified tolerated failure threshold was exceeded");
    }

    @Test
    void tolerance_fails_the_map_when_the_percentage_is_breached_even_if_the_count_is_not() {
        ExecutionResult result = run(map("\"ToleratedFailureCount\":5,\"ToleratedFailurePercentage\":30,", TASK),
                "[{\"fail\":true},{},{}]");
        assertThat(result.error()).isEqualTo("States.ExceedToleratedFailureThreshold");
    }

    @Test
    void failures_within_both_thresholds_are_tolerated_and_appear_in_the_result() {
        ExecutionResult result = run(map("\"ToleratedFailureCountPath\":\"$.count\",\"ToleratedFailurePercentagePath\":\"$.pct\",\"ItemsPath\":\"$.items\",", TASK),
                "{\"count\":1,\"pct\":50,\"items\":[{\"fail\":true},{}]}");
        assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(result.output().get(0)).isEqualTo(json("{\"Error\":\"Boom\",\"Cause\":\"item failed\"}"));
    }

    @Test
    void a_failed_batch_counts_all_its_items_as_failed() {
        // One batch of two fails: two failed items breach a count of 1.
        ExecutionResult result = run(map("\"ToleratedFailureCount\":1,\"ItemBatcher\":{\"MaxItemsPerBatch\":2},",
                "\"StartAt\":\"F\",\"States\":{\"F\":{\"Type\":\"Fail\",\"Error\":\"Bad\"}}"), "[1,2,3,4]");
        assertThat(result.error()).isEqualTo("States.ExceedToleratedFailureThreshold");
    }

    @Test
    void without_tolerance_a_child_failure_fails_the_map_with_its_error() {
        ExecutionResult result = run(map("", TASK), "[{},{\"fail\":true}]");
        assertThat(result.error()).isEqualTo("Boom");
    }

    @Test
    void item_batcher_item_reader_and_result_writer_are_refused_on_an_inline_map() {
        for (String field : List.of("\"ItemBatcher\":{\"MaxItemsPerBatch\":2},",
                "\"ItemReader\":{\"Resource\":\"arn:aws:states:::s3:getObject\"},",
                "\"ResultWriter\":{\"Resource\":\"arn:aws:states:::s3:putObject\"},")) {
            String definition = map(field, PASS).replace("\"DISTRIBUTED\"", "\"INLINE\"");
            assertThatThrownBy(() -> StateMachineDefinition.compile(json(definition)))
                    .hasMessageContaining("only supported when ItemProcessor.ProcessorConfig.Mode is DISTRIBUTED");
        }
    }

    @Test
    void item_batcher_fields_are_checked() {
        assertThatThrownBy(() -> StateMachineDefinition.compile(json(map("\"ItemBatcher\":{\"MaxItemsPerBatch\":0},", PASS))))
                .hasMessageContaining("MaxItemsPerBatch");
        assertThatThrownBy(() -> StateMachineDefinition.compile(json(map(
                "\"ItemBatcher\":{\"MaxItemsPerBatch\":1,\"MaxItemsPerBatchPath\":\"$.n\"},", PASS))))
                .hasMessageContaining("Only one of 'MaxItemsPerBatch' or 'MaxItemsPerBatchPath'");
        assertThatThrownBy(() -> StateMachineDefinition.compile(json(map("\"ItemBatcher\":{\"Size\":1},", PASS))))
                .hasMessageContaining("Field 'Size' is not supported");
    }

    private ExecutionResult read(String readerConfig, String key, String content) {
        store.with("data", key, content);
        return run(map("""
                "ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":%s,
                  "Parameters":{"Bucket":"data","Key":"%s"}},""".formatted(readerConfig, key), PASS), "{}");
    }

    @Test
    void item_reader_reads_a_json_array() {
        assertThat(read("{\"InputType\":\"JSON\"}", "a.json", "[{\"a\":1},{\"a\":2}]").output())
                .isEqualTo(json("[{\"a\":1},{\"a\":2}]"));
    }

    @Test
    void item_reader_reads_json_lines_up_to_max_items() {
        assertThat(read("{\"InputType\":\"JSONL\",\"MaxItems\":2}", "a.jsonl", "{\"a\":1}\n\n{\"a\":2}\n{\"a\":3}\n").output())
                .isEqualTo(json("[{\"a\":1},{\"a\":2}]"));
    }

    @Test
    void item_reader_reads_csv_with_its_header_in_the_first_row() {
        assertThat(read("{\"InputType\":\"CSV\",\"CSVHeaderLocation\":\"FIRST_ROW\"}", "a.csv",
                "name,note\nann,\"says \"\"hi\"\", twice\"\nbob,\n").output())
                .isEqualTo(json("[{\"name\":\"ann\",\"note\":\"says \\\"hi\\\", twice\"},{\"name\":\"bob\",\"note\":\"\"}]"));
    }

    @Test
    void item_reader_reads_csv_with_given_headers_and_another_delimiter() {
        assertThat(read("{\"InputType\":\"CSV\",\"CSVHeaderLocation\":\"GIVEN\",\"CSVHeaders\":[\"x\",\"y\"],\"CSVDelimiter\":\"PIPE\"}",
                "b.csv", "1|2\r\n3|4").output())
                .isEqualTo(json("[{\"x\":\"1\",\"y\":\"2\"},{\"x\":\"3\",\"y\":\"4\"}]"));
    }

    @Test
    void item_reader_reads_an_s3_inventory_manifest_and_its_csv_files() {
        store.with("inventory", "data/part1.csv", "data,k1,10\ndata,k2,20\n");
        ExecutionResult result = read("{\"InputType\":\"MANIFEST\"}", "manifest.json", """
                {"sourceBucket":"data","destinationBucket":"arn:aws:s3:::inventory","fileFormat":"CSV",
                 "fileSchema":"Bucket, Key, Size","files":[{"key":"data/part1.csv"}]}""");
        assertThat(result.output()).isEqualTo(json("""
                [{"Bucket":"data","Key":"k1","Size":"10"},{"Bucket":"data","Key":"k2","Size":"20"}]"""));
    }

    @Test
    void item_reader_lists_objects() {
        store.with("data", "logs/1.txt", "one").with("data", "logs/2.txt", "two!").with("data", "other", "x");
        ExecutionResult result = run(map("""
                "ItemReader":{"Resource":"arn:aws:states:::s3:listObjectsV2","Parameters":{"Bucket":"data","Prefix":"logs/"}},
                "ItemSelector":{"key.$":"$$.Map.Item.Value.Key","size.$":"$$.Map.Item.Value.Size"},""", PASS), "{}");
        assertThat(result.output().toString()).isEqualTo("[{\"key\":\"logs/1.txt\",\"size\":3},{\"key\":\"logs/2.txt\",\"size\":4}]");
    }

    @Test
    void item_reader_failures_are_states_item_reader_failed() {
        ExecutionResult missing = run(map("""
                "ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"JSON"},
                  "Parameters":{"Bucket":"data","Key":"nope.json"}},""", PASS), "{}");
        assertThat(missing.error()).isEqualTo("States.ItemReaderFailed");
        assertThat(missing.cause()).contains("s3://data/nope.json");
        ExecutionResult notArray = read("{\"InputType\":\"JSON\"}", "o.json", "{\"a\":1}");
        assertThat(notArray.error()).isEqualTo("States.ItemReaderFailed");
        assertThat(notArray.cause()).contains("does not hold a JSON array");
    }

    @Test
    void result_writer_writes_the_manifest_and_result_files_and_gives_where() {
        tasks = request -> request.parameters().path("fail").asBoolean(false)
                ? CompletableFuture.failedFuture(new StatesFailure("Boom", "item failed"))
                : CompletableFuture.completedFuture(request.parameters());
        Execution parent = start(map("""
                "ToleratedFailureCount":1,
                "ResultWriter":{"Resource":"arn:aws:states:::s3:putObject","Parameters":{"Bucket":"out","Prefix":"runs"}},""",
                TASK), "[{\"n\":1},{\"fail\":true}]");
        scheduler.runUntilIdle();
        ExecutionResult result = parent.result().toCompletableFuture().join();
        String arn = mapRunArn(parent);
        String id = arn.substring(arn.lastIndexOf(':') + 1);
        assertThat(result.output()).isEqualTo(json("{\"MapRunArn\":\"" + arn
                + "\",\"ResultWriterDetails\":{\"Bucket\":\"out\",\"Key\":\"runs/" + id + "/manifest.json\"}}"));
        JsonNode manifest = json(store.text("out", "runs/" + id + "/manifest.json"));
        assertThat(manifest.get("MapRunArn").asText()).isEqualTo(arn);
        assertThat(manifest.get("DestinationBucket").asText()).isEqualTo("out");
        assertThat(manifest.at("/ResultFiles/SUCCEEDED/0/Key").asText()).isEqualTo("runs/" + id + "/SUCCEEDED_0.json");
        assertThat(manifest.at("/ResultFiles/PENDING")).isEmpty();
        JsonNode succeeded = json(store.text("out", "runs/" + id + "/SUCCEEDED_0.json"));
        assertThat(succeeded).hasSize(1);
        assertThat(succeeded.get(0).get("Status").asText()).isEqualTo("SUCCEEDED");
        assertThat(json(succeeded.get(0).get("Output").asText())).isEqualTo(json("{\"n\":1}"));
        assertThat(succeeded.get(0).get("ExecutionArn").asText()).contains(":execution:Machine/M:");
        JsonNode failed = json(store.text("out", "runs/" + id + "/FAILED_0.json"));
        assertThat(failed.get(0).get("Error").asText()).isEqualTo("Boom");
        assertThat(failed.get(0).get("Status").asText()).isEqualTo("FAILED");
    }
}
