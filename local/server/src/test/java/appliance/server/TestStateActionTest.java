package appliance.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.InspectionLevel;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;
import software.amazon.awssdk.services.sfn.model.TestExecutionStatus;
import software.amazon.awssdk.services.sfn.model.TestStateResponse;

class TestStateActionTest {

    private final ServerFixture fixture = new ServerFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void a_task_with_a_mocked_result_shows_each_processing_step() {
        String task = "{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::lambda:invoke\","
                + "\"InputPath\":\"$.order\",\"Parameters\":{\"id.$\":\"$.id\"},"
                + "\"ResultSelector\":{\"total.$\":\"$.Payload.total\"},\"ResultPath\":\"$.priced\",\"Next\":\"Ship\"}";

        TestStateResponse response = fixture.sfn.testState(r -> r.definition(task)
                .input("{\"order\":{\"id\":7}}")
                .inspectionLevel(InspectionLevel.DEBUG)
                .mock(m -> m.result("{\"Payload\":{\"total\":42},\"StatusCode\":200}")));

        assertThat(response.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
        assertThat(response.nextState()).isEqualTo("Ship");
        assertThat(response.output()).isEqualTo("{\"order\":{\"id\":7},\"priced\":{\"total\":42}}");
        assertThat(response.inspectionData().input()).isEqualTo("{\"order\":{\"id\":7}}");
        assertThat(response.inspectionData().afterInputPath()).isEqualTo("{\"id\":7}");
        assertThat(response.inspectionData().afterParameters()).isEqualTo("{\"id\":7}");
        assertThat(response.inspectionData().result()).isEqualTo("{\"Payload\":{\"total\":42},\"StatusCode\":200}");
        assertThat(response.inspectionData().afterResultSelector()).isEqualTo("{\"total\":42}");
        assertThat(response.inspectionData().afterResultPath()).isEqualTo("{\"order\":{\"id\":7},\"priced\":{\"total\":42}}");
    }

    @Test
    void info_level_has_no_inspection_data() {
        TestStateResponse response = fixture.sfn.testState(r -> r.definition("{\"Type\":\"Pass\",\"End\":true}")
                .input("{\"a\":1}"));

        assertThat(response.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
        assertThat(response.output()).isEqualTo("{\"a\":1}");
        assertThat(response.nextState()).isNull();
        assertThat(response.inspectionData()).isNull();
    }

    @Test
    void a_mocked_error_caught_by_catch_goes_to_the_catch_target() {
        String task = "{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::lambda:invoke\",\"End\":true,"
                + "\"Catch\":[{\"ErrorEquals\":[\"States.ALL\"],\"ResultPath\":\"$.err\",\"Next\":\"Recover\"}]}";

        TestStateResponse response = fixture.sfn.testState(r -> r.definition(task).input("{\"a\":1}")
                .mock(m -> m.errorOutput(e -> e.error("Boom").cause("it broke"))));

        assertThat(response.status()).isEqualTo(TestExecutionStatus.CAUGHT_ERROR);
        assertThat(response.nextState()).isEqualTo("Recover");
        assertThat(response.error()).isEqualTo("Boom");
        assertThat(response.output()).isEqualTo("{\"a\":1,\"err\":{\"Error\":\"Boom\",\"Cause\":\"it broke\"}}");
    }

    @Test
    void a_mocked_error_a_retry_would_retry_is_retriable() {
        String task = "{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::lambda:invoke\",\"End\":true,"
                + "\"Retry\":[{\"ErrorEquals\":[\"Boom\"],\"IntervalSeconds\":60,\"MaxAttempts\":3}]}";

        TestStateResponse response = fixture.sfn.testState(r -> r.definition(task)
                .mock(m -> m.errorOutput(e -> e.error("Boom").cause("again"))));

        assertThat(response.status()).isEqualTo(TestExecutionStatus.RETRIABLE);
        assertThat(response.error()).isEqualTo("Boom");
        assertThat(response.cause()).isEqualTo("again");
    }

    @Test
    void an_uncaught_error_fails_the_state() {
        TestStateResponse response = fixture.sfn.testState(r -> r.definition(
                "{\"Type\":\"Fail\",\"Error\":\"Nope\",\"Cause\":\"because\"}"));

        assertThat(response.status()).isEqualTo(TestExecutionStatus.FAILED);
        assertThat(response.error()).isEqualTo("Nope");
        assertThat(response.cause()).isEqualTo("because");
    }

    @Test
    void a_choice_names_the_branch_it_takes() {
        String choice = "{\"Type\":\"Choice\",\"Choices\":[{\"Variable\":\"$.n\",\"NumericGreaterThan\":10,"
                + "\"Next\":\"Big\"}],\"Default\":\"Small\"}";

        assertThat(fixture.sfn.testState(r -> r.definition(choice).input("{\"n\":11}")).nextState()).isEqualTo("Big");
        assertThat(fixture.sfn.testState(r -> r.definition(choice).input("{\"n\":1}")).nextState()).isEqualTo("Small");
    }

    @Test
    void a_state_of_a_whole_machine_is_tested_by_name_and_without_a_mock_calls_the_servers_tasks() {
        String machine = "{\"StartAt\":\"First\",\"States\":{\"First\":{\"Type\":\"Pass\",\"Next\":\"Call\"},"
                + "\"Call\":{\"Type\":\"Task\",\"Resource\":\"" + ControllableTasks.ECHO + "\",\"End\":true}}}";

        TestStateResponse response = fixture.sfn.testState(r -> r.definition(machine).stateName("Call")
                .input("{\"echo\":true}"));

        assertThat(response.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
        assertThat(response.output()).isEqualTo("{\"echo\":true}");
    }

    @Test
    void an_invalid_state_is_an_invalid_definition() {
        assertThatThrownBy(() -> fixture.sfn.testState(r -> r.definition("{\"Type\":\"Pass\",\"Next\":3}")))
                .isInstanceOf(InvalidDefinitionException.class);
    }
}
