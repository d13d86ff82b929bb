package appliance.starter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The CRaC hook SnapStart calls before its snapshot, called here as Lambda would call it. */
class SnapStartPrimingTest {

    @Test
    void the_checkpoint_hook_runs_a_start_execution_through_the_sdk_without_touching_the_handlers_client() {
        FakeStepFunctions handlersClient = new FakeStepFunctions();
        StartCookWorkflowHandler handler = new StartCookWorkflowHandler(handlersClient,
                "arn:aws:states:us-east-1:123456789012:stateMachine:CookWorkflow");

        handler.beforeCheckpoint(null);

        assertThat(handlersClient.requests).as("the real client is not called: no execution is started").isEmpty();
    }

    @Test
    void priming_marshals_the_request_and_parses_the_response_in_memory() {
        SfnClientPriming priming = new SfnClientPriming();

        var response = priming.prime();

        assertThat(response.executionArn()).isEqualTo(SfnClientPriming.EXECUTION_ARN);
        assertThat(response.startDate()).isNotNull();
        assertThat(priming.lastRequestBody()).hasValueSatisfying(body -> assertThat(body)
                .contains("\"stateMachineArn\":\"" + SfnClientPriming.STATE_MACHINE_ARN + "\"")
                .contains("\"name\":\"priming\""));
    }
}
