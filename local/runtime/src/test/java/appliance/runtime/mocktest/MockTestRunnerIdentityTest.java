package appliance.runtime.mocktest;

import static org.assertj.core.api.Assertions.assertThat;

import appliance.engine.definition.StateMachineDefinition;
import appliance.engine.task.mock.MockConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A test case's execution is named in the configured region and account, as Step Functions Local names it. */
class MockTestRunnerIdentityTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void the_context_object_names_the_configured_region_and_account() throws Exception {
        StateMachineDefinition definition = StateMachineDefinition.compile(JSON.readTree("""
                {"StartAt":"Name","States":{"Name":{"Type":"Pass",
                  "Parameters":{"execution.$":"$$.Execution.Id","machine.$":"$$.StateMachine.Id"},"End":true}}}"""));
        MockConfig mocks = MockConfig.parse(JSON.readTree("""
                {"StateMachines":{"Greeter":{"TestCases":{"Plain":{}}}},"MockedResponses":{}}"""));
        MockTestRunner runner = new MockTestRunner(definition, "Greeter", "eu-west-1", "111122223333", mocks,
                Instant.parse("2026-01-01T00:00:00Z"), new SplittableRandom(1));

        TestCaseRun run = runner.run(new MockTestCase("Plain", JSON.createObjectNode(), null));

        JsonNode output = run.result().output();
        assertThat(output.path("execution").asText()).isEqualTo("arn:aws:states:eu-west-1:111122223333:execution:Greeter:Plain");
        assertThat(output.path("machine").asText()).isEqualTo("arn:aws:states:eu-west-1:111122223333:stateMachine:Greeter");
    }
}
