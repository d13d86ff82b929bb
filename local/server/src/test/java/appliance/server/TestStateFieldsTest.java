package appliance.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.InspectionLevel;
import software.amazon.awssdk.services.sfn.model.MockResponseValidationMode;
import software.amazon.awssdk.services.sfn.model.TestExecutionStatus;
import software.amazon.awssdk.services.sfn.model.TestStateResponse;
import software.amazon.awssdk.services.sfn.model.ValidationException;

/** TestState's 2025 fields: one test per status and per stateConfiguration field, and the mock's checks. */
class TestStateFieldsTest {

    private static final String RETRIED_AND_CAUGHT = "{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::lambda:invoke\","
            + "\"Next\":\"Done\",\"Retry\":[{\"ErrorEquals\":[\"Other\"]},{\"ErrorEquals\":[\"Boom\"],\"IntervalSeconds\":2,"
            + "\"BackoffRate\":3,\"MaxAttempts\":2}],"
            + "\"Catch\":[{\"ErrorEquals\":[\"Other\"],\"Next\":\"Elsewhere\"},"
            + "{\"ErrorEquals\":[\"States.ALL\"],\"ResultPath\":\"$.failure\",\"Next\":\"Recover\"}]}";

    private static final String MAP = "{\"Type\":\"Map\",\"ItemsPath\":\"$.orders\",\"MaxConcurrency\":4,"
            + "\"ToleratedFailureCount\":1,"
            + "\"ItemSelector\":{\"id.$\":\"$$.Map.Item.Value.id\",\"index.$\":\"$$.Map.Item.Index\",\"shop.$\":\"$.shop\"},"
            + "\"ItemBatcher\":{\"MaxItemsPerBatch\":2},"
            + "\"ItemProcessor\":{\"ProcessorConfig\":{\"Mode\":\"INLINE\"},\"StartAt\":\"Ship\","
            + "\"States\":{\"Ship\":{\"Type\":\"Pass\",\"End\":true}}},"
            + "\"ResultSelector\":{\"count.$\":\"States.ArrayLength($)\"},\"ResultPath\":\"$.shipped\",\"Next\":\"Bill\"}";

    private static final String MAP_INPUT = "{\"shop\":\"north\",\"orders\":[{\"id\":1},{\"id\":2},{\"id\":3}]}";

    private final ServerFixture fixture = new ServerFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void succeeded_names_the_next_state_and_shows_the_output() {
        TestStateResponse response = fixture.sfn.testState(r -> r.definition(RETRIED_AND_CAUGHT).input("{\"a\":1}")
                .mock(m -> m.result("{\"StatusCode\":200,\"Payload\":{\"ok\":true}}")));

        assertThat(response.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
        assertThat(response.nextState()).isEqualTo("Done");
        assertThat(response.output()).isEqualTo("{\"StatusCode\":200,\"Payload\":{\"ok\":true}}");
    }

    @Test
    void retriable_gives_the_retrier_index_and_its_backoff_after_the_retries_so_far() {
        TestStateResponse response = fixture.sfn.testState(r -> r.definition(RETRIED_AND_CAUGHT)
                .inspectionLevel(InspectionLevel.DEBUG)
                .mock(m -> m.errorOutput(e -> e.error("Boom").cause("flaky")))
                .stateConfiguration(c -> c.retrierRetryCount(1)));

        assertThat(response.status()).isEqualTo(TestExecutionStatus.RETRIABLE);
        assertThat(response.error()).isEqualTo("Boom");
        assertThat(response.inspectionData().errorDetails().retryIndex()).isEqualTo(1);
        assertThat(response.inspectionData().errorDetails().retryBackoffIntervalSeconds()).as("2 s x 3^1").isEqualTo(6);
        assertThat(response.nextState()).isNull();
    }

    @Test
    void caught_error_once_the_retries_are_spent_goes_to_the_catcher() {
        TestStateResponse response = fixture.sfn.testState(r -> r.definition(RETRIED_AND_CAUGHT).input("{\"a\":1}")
                .inspectionLevel(InspectionLevel.DEBUG)
                .mock(m -> m.errorOutput(e -> e.error("Boom").cause("flaky")))
                .stateConfiguration(c -> c.retrierRetryCount(2)));

        assertThat(response.status()).isEqualTo(TestExecutionStatus.CAUGHT_ERROR);
        assertThat(response.nextState()).isEqualTo("Recover");
        assertThat(response.output()).isEqualTo("{\"a\":1,\"failure\":{\"Error\":\"Boom\",\"Cause\":\"flaky\"}}");
        assertThat(response.inspectionData().errorDetails().catchIndex()).isEqualTo(1);
    }

    @Test
    void failed_when_nothing_takes_the_error() {
        String task = "{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::lambda:invoke\",\"End\":true}";

        TestStateResponse response = fixture.sfn.testState(r -> r.definition(task)
                .mock(m -> m.errorOutput(e -> e.error("Boom").cause("no handler"))));

        assertThat(response.status()).isEqualTo(TestExecutionStatus.FAILED);
        assertThat(response.error()).isEqualTo("Boom");
        assertThat(response.cause()).isEqualTo("no handler");
    }

    @Test
    void variables_and_context_are_what_the_state_reads() {
        String task = "{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::lambda:invoke\",\"End\":true,"
                + "\"Parameters\":{\"who.$\":\"$customer\",\"execution.$\":\"$$.Execution.Name\"},"
                + "\"Assign\":{\"total.$\":\"$.Payload.total\"}}";

        TestStateResponse response = fixture.sfn.testState(r -> r.definition(task)
                .inspectionLevel(InspectionLevel.DEBUG)
                .variables("{\"customer\":\"ada\"}")
                .context("{\"Execution\":{\"Name\":\"nightly-run\"}}")
                .mock(m -> m.result("{\"Payload\":{\"total\":9}}")));

        assertThat(response.inspectionData().afterParameters()).isEqualTo("{\"who\":\"ada\",\"execution\":\"nightly-run\"}");
        assertThat(response.inspectionData().variables()).isEqualTo("{\"customer\":\"ada\",\"total\":9}");
    }

    @Test
    void variables_reach_a_state_run_in_the_engine() {
        String choice = "{\"Type\":\"Choice\",\"Choices\":[{\"Variable\":\"$limit\",\"NumericGreaterThan\":5,"
                + "\"Next\":\"High\"}],\"Default\":\"Low\"}";

        assertThat(fixture.sfn.testState(r -> r.definition(choice).variables("{\"limit\":9}")).nextState())
                .isEqualTo("High");
        assertThat(fixture.sfn.testState(r -> r.definition(choice).variables("{\"limit\":1}")).nextState())
                .isEqualTo("Low");
    }

    @Test
    void a_mocked_map_shows_its_items_through_every_step() {
        TestStateResponse response = fixture.sfn.testState(r -> r.definition(MAP).input(MAP_INPUT)
                .inspectionLevel(InspectionLevel.DEBUG)
                .mock(m -> m.result("[{},{},{}]")));

        assertThat(response.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
        assertThat(response.nextState()).isEqualTo("Bill");
        assertThat(response.output()).contains("\"shipped\":{\"count\":3}");
        assertThat(response.inspectionData().afterItemsPath()).isEqualTo("[{\"id\":1},{\"id\":2},{\"id\":3}]");
        assertThat(response.inspectionData().afterItemSelector()).isEqualTo("[{\"id\":1,\"index\":0,\"shop\":\"north\"},"
                + "{\"id\":2,\"index\":1,\"shop\":\"north\"},{\"id\":3,\"index\":2,\"shop\":\"north\"}]");
        assertThat(response.inspectionData().afterItemBatcher()).startsWith("[{\"Items\":[{\"id\":1,");
        assertThat(response.inspectionData().toleratedFailureCount()).isEqualTo(1);
        assertThat(response.inspectionData().maxConcurrency()).isEqualTo(4);
        assertThat(response.inspectionData().afterResultSelector()).isEqualTo("{\"count\":3}");
    }

    @Test
    void map_iteration_failure_count_past_the_tolerance_fails_the_map() {
        TestStateResponse within = fixture.sfn.testState(r -> r.definition(MAP).input(MAP_INPUT)
                .mock(m -> m.result("[{},{},{}]")).stateConfiguration(c -> c.mapIterationFailureCount(1)));
        TestStateResponse past = fixture.sfn.testState(r -> r.definition(MAP).input(MAP_INPUT)
                .mock(m -> m.result("[{},{},{}]")).stateConfiguration(c -> c.mapIterationFailureCount(2)));

        assertThat(within.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
        assertThat(past.status()).isEqualTo(TestExecutionStatus.FAILED);
        assertThat(past.error()).isEqualTo("States.ExceedToleratedFailureThreshold");
    }

    @Test
    void map_item_reader_data_stands_for_what_the_item_reader_read() {
        String distributed = "{\"Type\":\"Map\",\"End\":true,\"ItemReader\":{\"Resource\":\"arn:aws:states:::s3:getObject\","
                + "\"ReaderConfig\":{\"InputType\":\"JSON\"},\"Parameters\":{\"Bucket\":\"b\",\"Key\":\"k\"}},"
                + "\"ItemProcessor\":{\"ProcessorConfig\":{\"Mode\":\"DISTRIBUTED\",\"ExecutionType\":\"STANDARD\"},"
                + "\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}}";

        TestStateResponse response = fixture.sfn.testState(r -> r.definition(distributed)
                .inspectionLevel(InspectionLevel.DEBUG)
                .mock(m -> m.result("[1,2]"))
                .stateConfiguration(c -> c.mapItemReaderData("[{\"n\":1},{\"n\":2}]")));

        assertThat(response.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
        assertThat(response.inspectionData().afterItemsPath()).isEqualTo("[{\"n\":1},{\"n\":2}]");
        assertThatThrownBy(() -> fixture.sfn.testState(r -> r.definition(MAP).input(MAP_INPUT)
                .mock(m -> m.result("[]")).stateConfiguration(c -> c.mapItemReaderData("[]"))))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void error_caused_by_state_must_name_a_state_inside_the_map_or_parallel() {
        String parallel = "{\"Type\":\"Parallel\",\"End\":true,\"Branches\":[{\"StartAt\":\"Left\",\"States\":"
                + "{\"Left\":{\"Type\":\"Pass\",\"End\":true}}}],"
                + "\"Catch\":[{\"ErrorEquals\":[\"States.ALL\"],\"Next\":\"Handle\"}]}";

        TestStateResponse response = fixture.sfn.testState(r -> r.definition(parallel)
                .mock(m -> m.errorOutput(e -> e.error("Branch.Broke").cause("left")))
                .stateConfiguration(c -> c.errorCausedByState("Left")));

        assertThat(response.status()).isEqualTo(TestExecutionStatus.CAUGHT_ERROR);
        assertThat(response.nextState()).isEqualTo("Handle");
        assertThatThrownBy(() -> fixture.sfn.testState(r -> r.definition(parallel)
                .mock(m -> m.errorOutput(e -> e.error("Branch.Broke")))
                .stateConfiguration(c -> c.errorCausedByState("Nowhere"))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Nowhere");
    }

    @Test
    void strict_refuses_a_field_the_integration_never_returns_and_present_or_none_allow_it() {
        String task = "{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::lambda:invoke\",\"End\":true}";
        String odd = "{\"Payload\":{},\"Surprise\":1}";

        assertThatThrownBy(() -> fixture.sfn.testState(r -> r.definition(task).mock(m -> m.result(odd))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Surprise");
        assertThatThrownBy(() -> fixture.sfn.testState(r -> r.definition(task)
                .mock(m -> m.result("{\"StatusCode\":\"200\"}").fieldValidationMode(MockResponseValidationMode.PRESENT))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("StatusCode");
        assertThat(fixture.sfn.testState(r -> r.definition(task)
                .mock(m -> m.result(odd).fieldValidationMode(MockResponseValidationMode.PRESENT))).status())
                .isEqualTo(TestExecutionStatus.SUCCEEDED);
        assertThat(fixture.sfn.testState(r -> r.definition(task)
                .mock(m -> m.result("[]").fieldValidationMode(MockResponseValidationMode.NONE))).status())
                .isEqualTo(TestExecutionStatus.SUCCEEDED);
    }

    @Test
    void a_mock_is_only_for_tasks_maps_and_parallels_which_need_one() {
        assertThatThrownBy(() -> fixture.sfn.testState(r -> r.definition("{\"Type\":\"Pass\",\"End\":true}")
                .mock(m -> m.result("{}"))))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> fixture.sfn.testState(r -> r.definition(MAP).input(MAP_INPUT)))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void a_mocked_jsonata_parallel_gives_its_output_from_the_mock() {
        String parallel = "{\"Type\":\"Parallel\",\"QueryLanguage\":\"JSONata\",\"Next\":\"After\","
                + "\"Output\":\"{% {'first': $states.result[0]} %}\",\"Branches\":[{\"StartAt\":\"Slow\",\"States\":"
                + "{\"Slow\":{\"Type\":\"Task\",\"Resource\":\"" + ControllableTasks.HOLD + "\",\"End\":true}}}]}";

        TestStateResponse response = fixture.sfn.testState(r -> r.definition(parallel).mock(m -> m.result("[7]")));

        assertThat(response.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
        assertThat(response.output()).isEqualTo("{\"first\":7}");
        assertThat(response.nextState()).isEqualTo("After");
    }

    @Test
    void a_task_that_waits_for_a_worker_needs_a_mock() {
        String callback = "{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::sqs:sendMessage.waitForTaskToken\","
                + "\"End\":true}";

        assertThatThrownBy(() -> fixture.sfn.testState(r -> r.definition(callback)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("waitForTaskToken");
        assertThat(fixture.sfn.testState(r -> r.definition(callback).mock(m -> m.result("{\"done\":1}"))).output())
                .isEqualTo("{\"done\":1}");
    }
}
