package appliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import appliance.functions.testing.SampleEvents;
import appliance.runtime.app.LocalOptions;
import appliance.runtime.template.SamTemplate;
import appliance.server.ServerOptions;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** bin/appliance serve with the template behind it, through the AWS SDK's SfnClient. */
class TemplateServerTest {

    private static final String WORKFLOW = "arn:aws:states:us-east-1:123456789012:stateMachine:CookWorkflow";

    private TemplateServer running;
    private SfnClient sfn;

    @BeforeEach
    void serve_the_projects_template() {
        SamTemplate template = SamTemplate.load(SampleEvents.projectRoot().resolve("template.yaml"));
        running = TemplateServer.start(ServerOptions.inMemory(0), template, LocalOptions.defaults(), Clock.systemUTC());
        sfn = SfnClient.builder()
                .endpointOverride(URI.create(running.server().endpoint().toString()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @AfterEach
    void stop() {
        sfn.close();
        running.close();
    }

    private DescribeExecutionResponse finished(String executionArn) throws Exception {
        running.server().finished(executionArn).get(60, TimeUnit.SECONDS);
        return sfn.describeExecution(request -> request.executionArn(executionArn));
    }

    @Test
    void the_templates_workflow_runs_with_the_in_process_functions() throws Exception {
        String input = Files.readString(SampleEvents.path("preset-ended-early.json"));

        String arn = sfn.startExecution(request -> request.stateMachineArn(WORKFLOW).name("cook-1").input(input)).executionArn();
        DescribeExecutionResponse execution = finished(arn);

        assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        JsonNode output = JsonFiles.JSON.readTree(execution.output());
        assertThat(output.get("outcome").asText()).isEqualTo("EARLY_END_PRESET");
        assertThat(output.get("message").asText()).isEqualTo("User ended popcorn preset early");
    }

    @Test
    void an_sns_message_on_the_ingest_topic_runs_the_starter_whose_execution_the_server_keeps() throws Exception {
        JsonNode snsEvent = JsonFiles.JSON.readTree(Files.readString(SampleEvents.path("sns-custom-ended-early.json")));

        running.application().publishSnsEvent(snsEvent);

        List<String> started = sfn.listExecutions(request -> request.stateMachineArn(WORKFLOW)).executions().stream()
                .map(execution -> execution.executionArn()).toList();
        assertThat(started).hasSize(1);
        DescribeExecutionResponse execution = finished(started.get(0));
        assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(JsonFiles.JSON.readTree(execution.output()).get("message").asText())
                .isEqualTo("User ended custom cook time early");
        assertThat(running.server().port()).isPositive();
    }
}
