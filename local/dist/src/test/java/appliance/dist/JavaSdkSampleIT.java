package appliance.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.StartSyncExecutionResponse;
import software.amazon.awssdk.services.sfn.model.SyncExecutionStatus;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * AWS's Java (JUnit) Step Functions Local sample, in our own words: the jar starts empty in a folder of
 * the user's, configured only by Step Functions Local's environment variables; the test creates its own
 * state machine with the AWS SDK v2 and runs a mock test case whose Lambda state is mocked and whose SQS
 * state is not: that one reaches a real SQS (ElasticMQ). The hour-long Wait between them takes no time
 * with WAIT_TIME_SCALE=0.
 */
class JavaSdkSampleIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MOCKS = """
            {"StateMachines": {"Orders": {"TestCases": {
                "HybridPath": {"Charge card": "CardCharged"},
                "CardDeclined": {"Charge card": "CardRefused"}}}},
             "MockedResponses": {
                "CardCharged": {"0": {"Return": {"StatusCode": 200, "Payload": {"charged": true, "amount": 42}}}},
                "CardRefused": {"0": {"Throw": {"Error": "Payments.Declined", "Cause": "insufficient funds"}}}}}
            """;

    private static SQSRestServer sqsServer;
    private static URI sqsEndpoint;

    @TempDir
    static Path usersProject;

    @BeforeAll
    static void startSqs() {
        sqsServer = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().start();
        sqsEndpoint = URI.create("http://127.0.0.1:" + sqsServer.waitUntilStarted().localAddress().getPort());
    }

    @AfterAll
    static void stopSqs() {
        sqsServer.stopAndWait();
    }

    private static String definition(String queueUrl) {
        return """
                {"StartAt": "Charge card", "States": {
                  "Charge card": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                    "Parameters": {"FunctionName": "arn:aws:lambda:us-east-1:123456789012:function:ChargeCard", "Payload.$": "$"},
                    "ResultSelector": {"charged.$": "$.Payload.charged", "amount.$": "$.Payload.amount"},
                    "ResultPath": "$.payment", "Next": "Hold for review"},
                  "Hold for review": {"Type": "Wait", "Seconds": 3600, "Next": "Queue shipment"},
                  "Queue shipment": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage",
                    "Parameters": {"QueueUrl": "%s", "MessageBody.$": "States.JsonToString($)"},
                    "ResultSelector": {"messageId.$": "$.MessageId"}, "ResultPath": "$.shipment", "End": true}}}
                """.formatted(queueUrl);
    }

    @Test
    void a_state_machine_created_through_the_sdk_runs_a_partial_mock_that_reaches_a_real_queue() throws Exception {
        Path mocks = Files.writeString(usersProject.resolve("MockConfigFile.json"), MOCKS);
        Map<String, String> stepFunctionsLocalSettings = Map.of("SFN_MOCK_CONFIG", mocks.toString(),
                "SQS_ENDPOINT", sqsEndpoint.toString(), "WAIT_TIME_SCALE", "0");
        try (LocalJar jar = LocalJar.serve(usersProject, stepFunctionsLocalSettings);
                SfnClient sfn = Clients.sfn(jar.endpoint());
                SqsClient sqs = Clients.sqs(sqsEndpoint)) {
            String queueUrl = sqs.createQueue(r -> r.queueName("shipments")).queueUrl();
            List<String> before = sfn.listStateMachines().stateMachines().stream().map(m -> m.name()).toList();
            String machine = sfn.createStateMachine(r -> r.name("Orders").type("EXPRESS").definition(definition(queueUrl))
                    .roleArn("arn:aws:iam::123456789012:role/DummyRole")).stateMachineArn();

            StartSyncExecutionResponse run = sfn.startSyncExecution(r -> r.stateMachineArn(machine + "#HybridPath")
                    .input("{\"order\": \"o-1\"}"));
            List<Message> shipped = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10)).messages();

            assertThat(before).as("the jar starts empty, as Step Functions Local does").isEmpty();
            assertThat(run.status()).as(run.error() + ": " + run.cause()).isEqualTo(SyncExecutionStatus.SUCCEEDED);
            JsonNode output = JSON.readTree(run.output());
            assertThat(output.at("/payment/charged").asBoolean()).as("the mocked Lambda answered").isTrue();
            assertThat(shipped).hasSize(1);
            assertThat(output.at("/shipment/messageId").asText()).isEqualTo(shipped.get(0).messageId());
            assertThat(JSON.readTree(shipped.get(0).body()).at("/payment/amount").asInt()).isEqualTo(42);
        }
    }

    @Test
    void a_mocked_failure_never_reaches_the_queue() throws Exception {
        Path mocks = Files.writeString(usersProject.resolve("MockConfigFile.json"), MOCKS);
        try (LocalJar jar = LocalJar.serve(usersProject, Map.of("SFN_MOCK_CONFIG", mocks.toString(),
                        "SQS_ENDPOINT", sqsEndpoint.toString(), "WAIT_TIME_SCALE", "0"));
                SfnClient sfn = Clients.sfn(jar.endpoint());
                SqsClient sqs = Clients.sqs(sqsEndpoint)) {
            String queueUrl = sqs.createQueue(r -> r.queueName("declined")).queueUrl();
            String machine = sfn.createStateMachine(r -> r.name("Orders").type("EXPRESS").definition(definition(queueUrl))
                    .roleArn("arn:aws:iam::123456789012:role/DummyRole")).stateMachineArn();

            StartSyncExecutionResponse run = sfn.startSyncExecution(r -> r.stateMachineArn(machine + "#CardDeclined"));

            assertThat(run.status()).isEqualTo(SyncExecutionStatus.FAILED);
            assertThat(run.error()).isEqualTo("Payments.Declined");
            assertThat(sqs.receiveMessage(r -> r.queueUrl(queueUrl)).messages()).isEmpty();
        }
    }

    @Test
    void a_test_case_without_a_mock_configuration_names_sfn_mock_config() throws Exception {
        try (LocalJar jar = LocalJar.serve(usersProject, Map.of()); SfnClient sfn = Clients.sfn(jar.endpoint())) {
            String machine = sfn.createStateMachine(r -> r.name("Orders").definition(definition("q"))
                    .roleArn("arn:aws:iam::123456789012:role/DummyRole")).stateMachineArn();

            assertThatThrownBy(() -> sfn.startExecution(r -> r.stateMachineArn(machine + "#HybridPath")))
                    .isInstanceOf(InvalidArnException.class)
                    .hasMessageContaining("SFN_MOCK_CONFIG=FILE or --mock-config FILE");
        }
    }
}
