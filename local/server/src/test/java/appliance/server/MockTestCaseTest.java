package appliance.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import appliance.engine.definition.Json;
import appliance.engine.task.mock.MockConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.ValidationException;

/** Step Functions Local's convention: StartExecution on {@code stateMachineArn#TestCase} runs a mock test case. */
class MockTestCaseTest {

    private static final String MOCKS = """
            {"StateMachines": {"Priced": {"TestCases": {
                "HappyPath": {"Price": "PriceOk"},
                "Broken": {"Price": "PriceFails"}}}},
             "MockedResponses": {
                "PriceOk": {"0": {"Return": {"total": 42}}},
                "PriceFails": {"0": {"Throw": {"Error": "Price.Down", "Cause": "no prices today"}}}}}
            """;

    private final ServerFixture fixture;

    MockTestCaseTest() throws Exception {
        fixture = new ServerFixture(ServerOptions.inMemory(0).withMockConfig(MockConfig.parse(Json.MAPPER.readTree(MOCKS))));
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void a_test_case_answers_the_tasks_from_the_mock_config() throws Exception {
        String machine = fixture.createMachine("Priced", "{\"StartAt\":\"Price\",\"States\":{\"Price\":{\"Type\":\"Task\","
                + "\"Resource\":\"" + ControllableTasks.HOLD + "\",\"End\":true}}}");

        String happy = fixture.sfn.startExecution(r -> r.stateMachineArn(machine + "#HappyPath").name("h")).executionArn();
        String broken = fixture.sfn.startExecution(r -> r.stateMachineArn(machine + "#Broken").name("b")).executionArn();
        fixture.awaitFinished(happy);
        fixture.awaitFinished(broken);
        DescribeExecutionResponse happyRun = fixture.sfn.describeExecution(r -> r.executionArn(happy));
        DescribeExecutionResponse brokenRun = fixture.sfn.describeExecution(r -> r.executionArn(broken));

        assertThat(happy).isEqualTo("arn:aws:states:us-east-1:123456789012:execution:Priced:h");
        assertThat(happyRun.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(happyRun.output()).isEqualTo("{\"total\":42}");
        assertThat(brokenRun.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(brokenRun.error()).isEqualTo("Price.Down");
        assertThat(brokenRun.cause()).isEqualTo("no prices today");
    }

    @Test
    void a_state_the_test_case_does_not_mock_calls_its_service_and_a_mocked_one_never_does() throws Exception {
        String machine = fixture.createMachine("Priced", "{\"StartAt\":\"Price\",\"States\":{"
                + "\"Price\":{\"Type\":\"Task\",\"Resource\":\"" + ControllableTasks.FAIL + "\",\"Next\":\"Echo\"},"
                + "\"Echo\":{\"Type\":\"Task\",\"Resource\":\"" + ControllableTasks.ECHO + "\",\"End\":true}}}");

        String partial = fixture.sfn.startExecution(r -> r.stateMachineArn(machine + "#HappyPath").name("p")).executionArn();
        fixture.awaitFinished(partial);
        DescribeExecutionResponse run = fixture.sfn.describeExecution(r -> r.executionArn(partial));

        assertThat(run.status()).as("the mocked Price never reached the failing function").isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(run.output()).as("the unmocked Echo ran the real task on the mocked result").isEqualTo("{\"total\":42}");
    }

    @Test
    void a_test_case_without_a_mock_configuration_names_the_option() {
        try (ServerFixture plain = new ServerFixture(ServerOptions.inMemory(0))) {
            String machine = plain.createMachine("Priced", ServerFixture.pass("1"));

            assertThatThrownBy(() -> plain.sfn.startExecution(r -> r.stateMachineArn(machine + "#HappyPath")))
                    .isInstanceOf(InvalidArnException.class)
                    .hasMessageContaining("SFN_MOCK_CONFIG").hasMessageContaining("--mock-config");
        }
    }

    @Test
    void an_unknown_test_case_is_refused_naming_it() {
        String machine = fixture.createMachine("Priced", ServerFixture.pass("1"));

        assertThatThrownBy(() -> fixture.sfn.startExecution(r -> r.stateMachineArn(machine + "#Nope")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("no test case 'Nope'");
    }
}
