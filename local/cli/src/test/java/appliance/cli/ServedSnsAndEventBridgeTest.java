package appliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import appliance.functions.testing.SampleEvents;
import appliance.runtime.app.LocalOptions;
import appliance.runtime.template.SamTemplate;
import appliance.server.ServerOptions;
import java.net.URI;
import java.nio.file.Files;
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
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sns.SnsClient;

/** SNS Publish and EventBridge PutEvents through the AWS SDK v2 on serve's port start the template's workflow there. */
class ServedSnsAndEventBridgeTest {

    private static final String WORKFLOW = "arn:aws:states:us-east-1:123456789012:stateMachine:CookWorkflow";
    private static final String INGEST_TOPIC = "arn:aws:sns:us-east-1:123456789012:CookEventsIngestTopic";

    private TemplateServer running;
    private SfnClient sfn;
    private SnsClient sns;
    private EventBridgeClient events;

    @BeforeEach
    void serve_the_projects_template() {
        SamTemplate template = SamTemplate.load(SampleEvents.projectRoot().resolve("template.yaml"));
        running = TemplateServer.start(ServerOptions.inMemory(0), template, LocalOptions.defaults(), Clock.systemUTC());
        URI endpoint = running.server().endpoint();
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
        sfn = SfnClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create()).build();
        sns = SnsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create()).build();
        events = EventBridgeClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterEach
    void stop() {
        sfn.close();
        sns.close();
        events.close();
        running.close();
    }

    private DescribeExecutionResponse theOnlyExecution() throws Exception {
        List<String> started = sfn.listExecutions(request -> request.stateMachineArn(WORKFLOW)).executions().stream()
                .map(execution -> execution.executionArn()).toList();
        assertThat(started).hasSize(1);
        running.server().finished(started.get(0)).get(60, TimeUnit.SECONDS);
        return sfn.describeExecution(request -> request.executionArn(started.get(0)));
    }

    @Test
    void publish_on_the_ingest_topic_runs_the_starter_function_which_starts_the_workflow_here() throws Exception {
        String message = "{\"cook_secs\":30,\"req_secs\":120,\"appliance_id\":\"kitchen-microwave-02\"}";

        String messageId = sns.publish(request -> request.topicArn(INGEST_TOPIC).message(message)).messageId();
        DescribeExecutionResponse execution = theOnlyExecution();

        assertThat(messageId).isNotEmpty();
        assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(JsonFiles.JSON.readTree(execution.output()).get("message").asText())
                .isEqualTo("User ended custom cook time early");
        assertThat(sns.listTopics().topics()).extracting(topic -> topic.topicArn()).contains(INGEST_TOPIC);
    }

    @Test
    void put_events_matching_the_templates_rule_starts_the_workflow_here() throws Exception {
        String detail = Files.readString(SampleEvents.path("preset-ended-early.json"));

        PutEventsResponse response = events.putEvents(request -> request.entries(entry -> entry.source("appliance.microwave")
                .detailType("Cook Ended").detail(detail)));
        DescribeExecutionResponse execution = theOnlyExecution();

        assertThat(response.failedEntryCount()).isZero();
        assertThat(response.entries().get(0).eventId()).isNotEmpty();
        assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(JsonFiles.JSON.readTree(execution.output()).get("message").asText()).isEqualTo("User ended popcorn preset early");
    }
}
