package appliance.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import appliance.engine.run.Execution;
import appliance.engine.task.mock.MockConfig;
import appliance.functions.testing.SampleEvents;
import appliance.runtime.app.ExecutionReport;
import appliance.runtime.app.LocalOptions;
import appliance.runtime.template.SamTemplate;
import appliance.server.ServerOptions;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.SfnException;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;

/**
 * run's one local endpoint: the in-memory server in front of the template's application. What the starter
 * function's SfnClient sends there is checked as AWS checks it, and runs in the application, reported like
 * any other execution.
 */
class ApplicationEndpointTest {

    private static final String WORKFLOW = "arn:aws:states:us-east-1:123456789012:stateMachine:CookWorkflow";

    private ApplicationEndpoint endpoint;
    private SfnClient sfn;

    @BeforeEach
    void start_the_projects_application_behind_the_endpoint() {
        SamTemplate template = SamTemplate.load(SampleEvents.projectRoot().resolve("template.yaml"));
        endpoint = ApplicationEndpoint.start(ServerOptions.inMemory(0), template, LocalOptions.defaults());
        // The starter's client: AWS's SfnClient at the endpoint its AWS_ENDPOINT_URL_SFN names.
        sfn = SfnClient.builder()
                .endpointOverride(endpoint.server().endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @AfterEach
    void stop() {
        sfn.close();
        endpoint.close();
    }

    @Test
    void a_start_through_the_endpoint_runs_in_the_application_and_is_reported() throws Exception {
        String input = Files.readString(SampleEvents.path("preset-ended-early.json"));

        String arn = sfn.startExecution(r -> r.stateMachineArn(WORKFLOW).name("cook-1").input(input)).executionArn();
        endpoint.application().runUntilIdle();

        assertThat(arn).isEqualTo("arn:aws:states:us-east-1:123456789012:execution:CookWorkflow:cook-1");
        List<Execution> executions = endpoint.application().executions();
        assertThat(executions).singleElement().satisfies(execution ->
                assertThat(execution.identity().executionArn()).isEqualTo(arn));
        ExecutionReport report = endpoint.application().report(executions.get(0));
        assertThat(report.succeeded()).isTrue();
        assertThat(report.states()).extracting(step -> step.name()).contains("Classify cook");
    }

    @Test
    void a_test_case_arn_runs_its_mocks_in_the_application_and_calls_no_function() throws Exception {
        endpoint.close();
        SamTemplate template = SamTemplate.load(SampleEvents.projectRoot().resolve("template.yaml"));
        MockConfig mocks = MockConfig.parse(JsonFiles.JSON.readTree(
                SampleEvents.projectRoot().resolve("statemachine/test/MockConfigFile.json").toFile()));
        endpoint = ApplicationEndpoint.start(ServerOptions.inMemory(0).withMockConfig(mocks), template, LocalOptions.defaults());
        String input = Files.readString(SampleEvents.path("preset-ended-early.json"));
        SfnClient client = SfnClient.builder().endpointOverride(endpoint.server().endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create()).build();

        try (client) {
            client.startExecution(r -> r.stateMachineArn(WORKFLOW + "#PresetEndedEarly").name("mocked").input(input));
        }
        endpoint.application().runUntilIdle();

        ExecutionReport report = endpoint.application().report(endpoint.application().executions().get(0));
        assertThat(report.succeeded()).isTrue();
        assertThat(report.executionArn()).endsWith(":execution:CookWorkflow:mocked");
        // Every Task state of the test case is mocked: no function ran.
        assertThat(report.logs()).isEmpty();
    }

    @Test
    void an_input_over_256_kib_is_refused_with_awss_validation_exception() {
        String oversized = "{\"padding\":\"" + "x".repeat(RunCommand.MAX_INPUT_BYTES) + "\"}";

        assertThatThrownBy(() -> sfn.startExecution(r -> r.stateMachineArn(WORKFLOW).input(oversized)))
                .isInstanceOfSatisfying(SfnException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.getMessage()).contains("Member must have length less than or equal to 262144");
                });
        assertThat(endpoint.application().executions()).isEmpty();
    }

    @Test
    void the_same_name_with_another_input_is_refused_and_an_unknown_machine_is_named() {
        sfn.startExecution(r -> r.stateMachineArn(WORKFLOW).name("twice").input("{\"a\":1}"));

        assertThatThrownBy(() -> sfn.startExecution(r -> r.stateMachineArn(WORKFLOW).name("twice").input("{\"a\":2}")))
                .isInstanceOf(ExecutionAlreadyExistsException.class).hasMessageContaining("execution:CookWorkflow:twice");
        assertThatThrownBy(() -> sfn.startExecution(r -> r.stateMachineArn(WORKFLOW.replace("CookWorkflow", "Nope"))))
                .isInstanceOf(StateMachineDoesNotExistException.class);
    }
}
