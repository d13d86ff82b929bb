package appliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import appliance.engine.run.Execution;
import appliance.runtime.app.ExecutionReport;
import appliance.runtime.app.LocalApplication;
import appliance.runtime.app.LocalOptions;
import appliance.runtime.hybrid.HybridEndpoints;
import appliance.runtime.template.SamTemplate;
import appliance.server.ServerOptions;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Under run, a function's own AWS SDK calls (SnsClient's Publish, EventBridgeClient's PutEvents), configured only
 * by the environment run gives it, reach the one local endpoint: the template's topics deliver to their
 * subscriptions and the publish shows in the execution's report; the template's rules start their state machines.
 */
class FunctionSdkCallsUnderRunTest {

    private static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:sdk-alerts";
    private static final String TEMPLATE = """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Globals:
              Function:
                Runtime: java21
                MemorySize: 512
                Timeout: 30
            Resources:
              AlertsTopic:
                Type: AWS::SNS::Topic
                Properties:
                  TopicName: sdk-alerts
              CallerFunction:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: fn/
                  Handler: appliance.cli.sdkfunction.SdkCallingFunction::handleRequest
              SubscriberFunction:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: fn/
                  Handler: appliance.cli.sdkfunction.SdkCallingFunction::handleRequest
                  Events:
                    FromAlerts:
                      Type: SNS
                      Properties:
                        Topic: !Ref AlertsTopic
              CallerMachine:
                Type: AWS::Serverless::StateMachine
                Properties:
                  Name: CallerMachine
                  Definition:
                    StartAt: Call
                    States:
                      Call:
                        Type: Task
                        Resource: !GetAtt CallerFunction.Arn
                        End: true
              TargetMachine:
                Type: AWS::Serverless::StateMachine
                Properties:
                  Name: TargetMachine
                  Definition:
                    StartAt: Done
                    States:
                      Done:
                        Type: Pass
                        End: true
                  Events:
                    OnSdkEvent:
                      Type: EventBridgeRule
                      Properties:
                        Pattern:
                          source: [test.sdk]
            """;

    @TempDir
    Path folder;

    private ApplicationEndpoint endpoint;

    @BeforeEach
    void start_runs_endpoint_with_an_in_process_java_function() throws Exception {
        // The function's module as a user's build leaves it: classes, and the jars it needs (this test's class path).
        Path module = Files.createDirectories(folder.resolve("fn/target/classes"));
        String classpath = String.join(File.pathSeparator, List.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .stream().filter(entry -> Files.exists(Path.of(entry))).toList());
        Files.writeString(module.resolveSibling("lambda-classpath.txt"), classpath);
        Files.writeString(folder.resolve("template.yaml"), TEMPLATE);
        endpoint = ApplicationEndpoint.start(ServerOptions.inMemory(0), SamTemplate.load(folder.resolve("template.yaml")),
                LocalOptions.defaults());
    }

    @AfterEach
    void stop() {
        endpoint.close();
    }

    @Test
    void a_functions_sns_publish_is_delivered_to_the_topics_subscriber_and_reported() {
        LocalApplication application = endpoint.application();
        JsonNode input = JsonFiles.JSON.createObjectNode().put("publishTo", TOPIC).put("message", "hello from the SDK");

        Execution execution = application.startExecution(callerMachine(), UUID.randomUUID().toString(), input, null);
        application.runUntilIdle();

        ExecutionReport report = application.report(execution);
        assertThat(report.succeeded()).as(report.result().toString()).isTrue();
        assertThat(report.published()).singleElement().satisfies(message -> {
            assertThat(message.topicArn()).isEqualTo(TOPIC);
            assertThat(message.message()).isEqualTo("hello from the SDK");
            assertThat(message.deliveries()).isEqualTo(1);
        });
        assertThat(report.deliveries()).singleElement().satisfies(delivery -> {
            assertThat(delivery.protocol()).isEqualTo("lambda");
            assertThat(delivery.endpoint()).contains("SubscriberFunction");
            assertThat(delivery.error()).isNull();
        });
    }

    @Test
    void a_functions_put_events_starts_the_rules_state_machine() {
        LocalApplication application = endpoint.application();
        JsonNode input = JsonFiles.JSON.createObjectNode().set("putEvent", JsonFiles.JSON.createObjectNode()
                .put("source", "test.sdk").put("detailType", "Something Happened").put("detail", "{\"n\":1}"));

        Execution caller = application.startExecution(callerMachine(), UUID.randomUUID().toString(), input, null);
        application.runUntilIdle();

        assertThat(application.report(caller).succeeded()).isTrue();
        assertThat(application.executions()).hasSize(2);
        Execution started = application.executions().get(1);
        assertThat(started.identity().stateMachineArn()).endsWith(":stateMachine:TargetMachine");
        ExecutionReport report = application.report(started);
        assertThat(report.succeeded()).isTrue();
        assertThat(report.result().toString()).contains("Something Happened");
    }

    @Test
    void run_prints_a_functions_publish_and_its_delivery_like_the_workflows_own() throws Exception {
        Path event = Files.writeString(folder.resolve("publish.json"),
                "{\"publishTo\":\"" + TOPIC + "\",\"message\":\"hello from run\"}");

        CommandRun run = CommandRun.of("run", "--template", folder.resolve("template.yaml").toString(),
                "--state-machine", "CallerMachine", event.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Published:", "sdk-alerts (1 subscription): hello from run", "Deliveries:",
                "sdk-alerts -> lambda");
    }

    @Test
    void with_eventbridge_endpoint_given_a_functions_put_events_goes_there() {
        endpoint.close();
        LocalOptions local = LocalOptions.defaults();
        endpoint = ApplicationEndpoint.start(ServerOptions.inMemory(0), SamTemplate.load(folder.resolve("template.yaml")),
                local.withServices(local.services().with("eventbridge", URI.create("http://127.0.0.1:4010"))));

        JsonNode events = environmentOfTheFunction(endpoint.application(), "AWS_ENDPOINT_URL_EVENTBRIDGE");
        JsonNode sns = environmentOfTheFunction(endpoint.application(), "AWS_ENDPOINT_URL_SNS");

        assertThat(events.asText()).isEqualTo("http://127.0.0.1:4010");
        assertThat(sns.asText()).isEqualTo(endpoint.server().endpoint().toString());
    }

    @Test
    void in_hybrid_mode_a_function_publishes_to_the_sns_endpoint_given_and_puts_events_here() {
        endpoint.close();
        endpoint = ApplicationEndpoint.start(ServerOptions.inMemory(0), SamTemplate.load(folder.resolve("template.yaml")),
                LocalOptions.defaults().withEndpoints(HybridEndpoints.of(null, "http://127.0.0.1:4575")));
        LocalApplication application = endpoint.application();

        JsonNode sns = environmentOfTheFunction(application, "AWS_ENDPOINT_URL_SNS");
        JsonNode events = environmentOfTheFunction(application, "AWS_ENDPOINT_URL_EVENTBRIDGE");

        assertThat(sns.asText()).isEqualTo("http://127.0.0.1:4575");
        assertThat(events.asText()).isEqualTo(endpoint.server().endpoint().toString());
    }

    private static JsonNode environmentOfTheFunction(LocalApplication application, String name) {
        Execution execution = application.startExecution(callerMachine(), UUID.randomUUID().toString(),
                JsonFiles.JSON.createObjectNode().put("environment", name), null);
        application.runUntilIdle();
        ExecutionReport report = application.report(execution);
        assertThat(report.succeeded()).as(report.result().toString()).isTrue();
        return report.result().output().get(name);
    }

    private static String callerMachine() {
        return "arn:aws:states:us-east-1:123456789012:stateMachine:CallerMachine";
    }
}
