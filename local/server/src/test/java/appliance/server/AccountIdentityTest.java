package appliance.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;

/** The account and region of the server's ARNs: Step Functions Local's AWS_ACCOUNT_ID and AWS_DEFAULT_REGION. */
class AccountIdentityTest {

    @Test
    void machines_and_executions_are_named_in_the_configured_account_and_region() throws Exception {
        ServerOptions options = ServerOptions.inMemory(0).withIdentity("eu-west-1", "111122223333");
        try (ServerFixture fixture = new ServerFixture(options)) {
            String machine = fixture.createMachine("Hello", ServerFixture.pass("{}"));
            String execution = fixture.sfn.startExecution(r -> r.stateMachineArn(machine).name("one")).executionArn();

            assertThat(machine).isEqualTo("arn:aws:states:eu-west-1:111122223333:stateMachine:Hello");
            assertThat(execution).isEqualTo("arn:aws:states:eu-west-1:111122223333:execution:Hello:one");
            assertThat(fixture.awaitFinished(execution)).isEqualTo("SUCCEEDED");
            assertThatThrownBy(() -> fixture.sfn.describeStateMachine(
                    r -> r.stateMachineArn("arn:aws:states:us-east-1:123456789012:stateMachine:Hello")))
                    .isInstanceOf(InvalidArnException.class);
        }
    }

    @Test
    void test_state_names_its_execution_in_the_configured_account_and_region() {
        ServerOptions options = ServerOptions.inMemory(0).withIdentity("eu-west-1", "111122223333");
        try (ServerFixture fixture = new ServerFixture(options)) {
            String output = fixture.sfn.testState(r -> r.definition(
                    "{\"Type\":\"Pass\",\"Parameters\":{\"execution.$\":\"$$.Execution.Id\"},\"End\":true}")
                    .input("{}")).output();

            assertThat(output).contains("arn:aws:states:eu-west-1:111122223333:execution:TestState:");
        }
    }

    @Test
    void without_a_configured_identity_the_arns_are_step_functions_locals() {
        try (ServerFixture fixture = new ServerFixture(ServerOptions.inMemory(0))) {
            assertThat(fixture.createMachine("Hello", ServerFixture.pass("{}")))
                    .isEqualTo("arn:aws:states:us-east-1:123456789012:stateMachine:Hello");
        }
    }

    @Test
    void a_region_or_account_of_the_wrong_shape_is_refused_with_its_name() {
        assertThatThrownBy(() -> ServerOptions.inMemory(0).withIdentity("Europe", null))
                .hasMessageContaining("Europe");
        assertThatThrownBy(() -> ServerOptions.inMemory(0).withIdentity(null, "12345"))
                .hasMessageContaining("12345");
    }
}
