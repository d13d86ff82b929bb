package appliance.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import appliance.engine.definition.Json;
import appliance.engine.task.mock.MockConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
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
    void an_unknown_test_case_is_refused_naming_it() {
        String machine = fixture.createMachine("Priced", ServerFixture.pass("1"));

        assertThatThrownBy(() -> fixture.sfn.startExecution(r -> r.stateMachineArn(machine + "#Nope")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("no test case 'Nope'");
    }
}
