package appliance.server;

import static org.assertj.core.api.Assertions.assertThat;

import appliance.engine.definition.Json;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.model.DescribeMapRunResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;

/**
 * A DISTRIBUTED Map whose server stops while its Map Run goes: after the restart the parent takes up
 * the same Map Run (ended children counted as they ended, the running one awaited, the rest started),
 * so no child runs twice and the parent ends as an uninterrupted run does.
 */
class MapRunRestartTest {

    /** One child at a time, each a task the test answers: {"r": item}. */
    private static final String MACHINE = """
            {"StartAt":"M","States":{"M":{"Type":"Map","End":true,"Label":"slow","MaxConcurrency":1,
              "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
                "StartAt":"T","States":{"T":{"Type":"Task","Resource":"%s","End":true}}}}}}"""
            .formatted(ControllableTasks.HOLD);

    @TempDir
    Path folder;

    @Test
    void a_map_run_going_when_the_server_stops_is_taken_up_by_its_parent_with_no_child_run_twice() throws Exception {
        Path database = folder.resolve("server-db");
        String parent;
        String mapRun;
        try (ServerFixture first = new ServerFixture(database)) {
            String machine = first.createMachine("Fan", MACHINE);
            parent = first.sfn.startExecution(r -> r.stateMachineArn(machine).input("[1,2,3]")).executionArn();
            first.tasks.nextHeld().complete(Json.MAPPER.readTree("{\"r\":1}"));
            // The second child's call: the first child has ended, durably, and the second runs.
            first.tasks.nextHeld();
            mapRun = mapRunArn(first, parent);
        }

        try (ServerFixture second = new ServerFixture(database)) {
            // The running child's task was in flight: it is called again, once; then the third child starts.
            second.tasks.nextHeld().complete(Json.MAPPER.readTree("{\"r\":2}"));
            second.tasks.nextHeld().complete(Json.MAPPER.readTree("{\"r\":3}"));
            assertThat(second.awaitFinished(parent)).isEqualTo("SUCCEEDED");

            assertThat(second.sfn.describeExecution(r -> r.executionArn(parent)).output())
                    .isEqualTo("[{\"r\":1},{\"r\":2},{\"r\":3}]");
            assertThat(second.sfn.listMapRuns(r -> r.executionArn(parent)).mapRuns()).hasSize(1);
            assertThat(mapRunArn(second, parent)).isEqualTo(mapRun);
            List<ExecutionListItem> children = second.sfn.listExecutions(r -> r.mapRunArn(mapRun)).executions();
            assertThat(children).hasSize(3);
            for (ExecutionListItem child : children) {
                assertThat(second.awaitFinished(child.executionArn())).isEqualTo("SUCCEEDED");
            }
            DescribeMapRunResponse described = second.sfn.describeMapRun(r -> r.mapRunArn(mapRun));
            assertThat(described.statusAsString()).isEqualTo("SUCCEEDED");
            assertThat(described.itemCounts().succeeded()).isEqualTo(3);
            assertThat(described.itemCounts().total()).isEqualTo(3);
            assertThat(described.executionCounts().succeeded()).isEqualTo(3);
            assertThat(described.executionCounts().total()).isEqualTo(3);
            assertThat(second.sfn.getExecutionHistory(r -> r.executionArn(parent)).events())
                    .extracting(HistoryEvent::typeAsString).containsExactly("ExecutionStarted", "MapStateEntered",
                            "MapStateStarted", "MapRunStarted", "MapRunSucceeded", "MapStateSucceeded",
                            "MapStateExited", "ExecutionSucceeded");

            // The same run, uninterrupted, ends the same.
            String machine = second.sfn.describeExecution(r -> r.executionArn(parent)).stateMachineArn();
            String again = second.sfn.startExecution(r -> r.stateMachineArn(machine).input("[1,2,3]")).executionArn();
            for (int item = 1; item <= 3; item++) {
                second.tasks.nextHeld().complete(Json.MAPPER.readTree("{\"r\":" + item + "}"));
            }
            assertThat(second.awaitFinished(again)).isEqualTo("SUCCEEDED");
            assertThat(second.sfn.describeExecution(r -> r.executionArn(again)).output())
                    .isEqualTo(second.sfn.describeExecution(r -> r.executionArn(parent)).output());
        }
    }

    @Test
    void children_running_side_by_side_at_the_stop_are_each_awaited_once_and_the_rest_start() throws Exception {
        String machine = """
                {"StartAt":"M","States":{"M":{"Type":"Map","End":true,"MaxConcurrency":2,
                  "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
                    "StartAt":"T","States":{"T":{"Type":"Task","Resource":"%s","ResultPath":"$.r","End":true}}}}}}"""
                .formatted(ControllableTasks.HOLD);
        Path database = folder.resolve("server-db");
        String parent;
        try (ServerFixture first = new ServerFixture(database)) {
            String arn = first.createMachine("Pair", machine);
            parent = first.sfn.startExecution(r -> r.stateMachineArn(arn).input("[{\"n\":1},{\"n\":2},{\"n\":3}]"))
                    .executionArn();
            first.tasks.nextHeld();
            first.tasks.nextHeld();
        }

        try (ServerFixture second = new ServerFixture(database)) {
            // Two calls in flight, called again once each, then the third child's.
            for (int call = 0; call < 3; call++) {
                second.tasks.nextHeld().complete(Json.MAPPER.readTree("true"));
            }
            assertThat(second.awaitFinished(parent)).isEqualTo("SUCCEEDED");

            assertThat(second.sfn.describeExecution(r -> r.executionArn(parent)).output())
                    .isEqualTo("[{\"n\":1,\"r\":true},{\"n\":2,\"r\":true},{\"n\":3,\"r\":true}]");
            String mapRun = mapRunArn(second, parent);
            assertThat(second.sfn.listExecutions(r -> r.mapRunArn(mapRun)).executions()).hasSize(3);
            DescribeMapRunResponse described = second.sfn.describeMapRun(r -> r.mapRunArn(mapRun));
            assertThat(described.executionCounts().total()).isEqualTo(3);
            assertThat(described.itemCounts().succeeded()).isEqualTo(3);
        }
    }

    private static String mapRunArn(ServerFixture fixture, String executionArn) {
        return fixture.sfn.getExecutionHistory(r -> r.executionArn(executionArn)).events().stream()
                .filter(e -> e.type() == HistoryEventType.MAP_RUN_STARTED).findFirst().orElseThrow()
                .mapRunStartedEventDetails().mapRunArn();
    }
}
