package appliance.runtime.hybrid;

import static org.assertj.core.api.Assertions.assertThat;

import appliance.engine.error.StatesFailure;
import appliance.engine.task.TaskRequest;
import appliance.engine.task.UnknownResourceInvoker;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

/** The service integrations against real local services: ElasticMQ for SQS, moto_server for DynamoDB and EventBridge. */
class ServiceIntegrationsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static SQSRestServer sqs;
    private static URI sqsEndpoint;

    @BeforeAll
    static void startSqs() {
        sqs = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().start();
        sqsEndpoint = URI.create("http://127.0.0.1:" + sqs.waitUntilStarted().localAddress().getPort());
    }

    @AfterAll
    static void stopSqs() {
        sqs.stopAndWait();
    }

    private static ServiceIntegrations integrations(Map<String, URI> endpoints) {
        return new ServiceIntegrations(new ServiceEndpoints(endpoints, Map.of("sqs", "SQS_ENDPOINT or --sqs-endpoint"),
                Region.US_EAST_1, Map.of()), new UnknownResourceInvoker());
    }

    private static CompletionStage<JsonNode> invoke(ServiceIntegrations tasks, String resource, String parameters)
            throws Exception {
        return tasks.invoke(new TaskRequest(resource, JSON.readTree(parameters), "Call", JsonNodeFactory.instance.objectNode(),
                "arn:aws:states:us-east-1:123456789012:execution:Test:1", 0));
    }

    private static JsonNode call(ServiceIntegrations tasks, String resource, String parameters) throws Exception {
        return Outcomes.result(invoke(tasks, resource, parameters));
    }

    private static StatesFailure failure(ServiceIntegrations tasks, String resource, String parameters) throws Exception {
        return (StatesFailure) Outcomes.failure(invoke(tasks, resource, parameters));
    }

    @Test
    void sqs_send_message_reaches_the_queue_and_answers_as_step_functions_does() throws Exception {
        try (ServiceIntegrations tasks = integrations(Map.of("sqs", sqsEndpoint))) {
            String queueUrl = call(tasks, "arn:aws:states:::aws-sdk:sqs:createQueue", "{\"QueueName\":\"orders\"}")
                    .get("QueueUrl").asText();

            JsonNode sent = call(tasks, "arn:aws:states:::sqs:sendMessage",
                    "{\"QueueUrl\":\"" + queueUrl + "\",\"MessageBody\":\"cook ended\"}");
            JsonNode received = call(tasks, "arn:aws:states:::aws-sdk:sqs:receiveMessage",
                    "{\"QueueUrl\":\"" + queueUrl + "\",\"MaxNumberOfMessages\":1}");

            assertThat(sent.get("MessageId").asText()).isNotEmpty();
            assertThat(sent.get("MD5OfMessageBody").asText()).isEqualTo(md5("cook ended"));
            assertThat(sent.at("/SdkHttpMetadata/HttpStatusCode").asInt()).isEqualTo(200);
            assertThat(received.at("/Messages/0/Body").asText()).isEqualTo("cook ended");
            assertThat(received.at("/Messages/0/MessageId").asText()).isEqualTo(sent.get("MessageId").asText());
            assertThat(received.has("SdkHttpMetadata")).as("aws-sdk results carry no SDK metadata").isFalse();
        }
    }

    @Test
    void a_refused_call_fails_with_the_services_exception_name() throws Exception {
        try (ServiceIntegrations tasks = integrations(Map.of("sqs", sqsEndpoint))) {
            StatesFailure optimised = failure(tasks, "arn:aws:states:::sqs:sendMessage",
                    "{\"QueueUrl\":\"" + sqsEndpoint + "/123456789012/missing\",\"MessageBody\":\"x\"}");
            StatesFailure sdk = failure(tasks, "arn:aws:states:::aws-sdk:sqs:getQueueUrl", "{\"QueueName\":\"missing\"}");

            assertThat(optimised.error()).isEqualTo("SQS.QueueDoesNotExistException");
            assertThat(sdk.error()).isEqualTo("Sqs.QueueDoesNotExistException");
            assertThat(sdk.cause()).contains("Service: Sqs, Status Code: 400");
        }
    }

    @Test
    void a_service_without_an_endpoint_fails_naming_the_setting() throws Exception {
        try (ServiceIntegrations tasks = integrations(Map.of())) {
            StatesFailure failure = failure(tasks, "arn:aws:states:::sqs:sendMessage", "{\"QueueUrl\":\"q\",\"MessageBody\":\"x\"}");

            assertThat(failure.error()).isEqualTo("States.Runtime");
            assertThat(failure.cause()).contains("SQS_ENDPOINT or --sqs-endpoint").contains("'Call'");
        }
    }

    @Test
    void services_step_functions_local_only_mocks_name_the_mock_configuration() throws Exception {
        try (ServiceIntegrations tasks = integrations(Map.of())) {
            StatesFailure failure = failure(tasks, "arn:aws:states:::batch:submitJob.sync", "{\"JobName\":\"j\"}");

            assertThat(failure.cause()).contains("only mocks").contains("SFN_MOCK_CONFIG or --mock-config")
                    .contains("#TestCaseName");
        }
    }

    @Test
    void a_field_the_request_does_not_have_is_named() throws Exception {
        try (ServiceIntegrations tasks = integrations(Map.of("sqs", sqsEndpoint))) {
            StatesFailure failure = failure(tasks, "arn:aws:states:::sqs:sendMessage", "{\"QueueUrl\":\"q\",\"Body\":\"x\"}");

            assertThat(failure.cause()).contains("'Body'").contains("MessageBody");
        }
    }

    @Test
    void dynamodb_eventbridge_and_sns_through_moto() throws Exception {
        try (MotoServer moto = MotoServer.start();
                ServiceIntegrations tasks = integrations(Map.of("dynamodb", moto.endpoint(), "eventbridge", moto.endpoint(),
                        "sns", moto.endpoint()))) {
            call(tasks, "arn:aws:states:::aws-sdk:dynamodb:createTable", """
                    {"TableName":"Cooks","BillingMode":"PAY_PER_REQUEST",
                     "AttributeDefinitions":[{"AttributeName":"id","AttributeType":"S"}],
                     "KeySchema":[{"AttributeName":"id","KeyType":"HASH"}]}""");
            call(tasks, "arn:aws:states:::dynamodb:putItem",
                    "{\"TableName\":\"Cooks\",\"Item\":{\"id\":{\"S\":\"c1\"},\"secs\":{\"N\":\"45\"}}}");
            JsonNode got = call(tasks, "arn:aws:states:::dynamodb:getItem", "{\"TableName\":\"Cooks\",\"Key\":{\"id\":{\"S\":\"c1\"}}}");
            StatesFailure missing = failure(tasks, "arn:aws:states:::dynamodb:getItem",
                    "{\"TableName\":\"Nope\",\"Key\":{\"id\":{\"S\":\"c1\"}}}");
            JsonNode put = call(tasks, "arn:aws:states:::events:putEvents",
                    "{\"Entries\":[{\"Source\":\"appliance.microwave\",\"DetailType\":\"Cook Ended\",\"Detail\":\"{}\"}]}");

            String topic = call(tasks, "arn:aws:states:::aws-sdk:sns:createTopic", "{\"Name\":\"Alerts\"}").get("TopicArn").asText();
            JsonNode published = call(tasks, "arn:aws:states:::aws-sdk:sns:publish",
                    "{\"TopicArn\":\"" + topic + "\",\"Message\":\"cook ended\"}");

            assertThat(published.get("MessageId").asText()).as("SNS's query protocol through the same generic call").isNotEmpty();
            assertThat(got.at("/Item/secs/N").asText()).isEqualTo("45");
            assertThat(got.at("/SdkHttpMetadata/HttpStatusCode").asInt()).isEqualTo(200);
            assertThat(missing.error()).isEqualTo("DynamoDB.ResourceNotFoundException");
            assertThat(put.get("FailedEntryCount").asInt()).isZero();
            assertThat(put.at("/Entries/0/EventId").asText()).isNotEmpty();
        }
    }

    private static String md5(String text) throws Exception {
        byte[] digest = java.security.MessageDigest.getInstance("MD5").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return java.util.HexFormat.of().formatHex(digest);
    }
}
