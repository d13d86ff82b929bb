package appliance.runtime.hybrid;

import static appliance.runtime.hybrid.Outcomes.failure;
import static appliance.runtime.hybrid.Outcomes.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import appliance.engine.error.StatesFailure;
import appliance.engine.task.TaskRequest;
import appliance.runtime.hybrid.StubAwsEndpoint.Answer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The real SNS SDK client against a stub of SNS's query API (Publish), and how each answer is reported. */
class RemoteSnsPublisherTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:CookNotifications";
    private static final String EXECUTION = "arn:aws:states:us-east-1:123456789012:execution:Cook:1";

    private final List<RemotePublish> published = new ArrayList<>();

    @Test
    void a_publish_sends_the_tasks_parameters_as_a_query_form_and_returns_step_functions_result_shape()
            throws Exception {
        try (StubAwsEndpoint sns = StubAwsEndpoint.answering(request -> published("9a1c-message", "5d2e-request"));
                RemoteSnsPublisher publisher = publisher(sns)) {
            JsonNode parameters = JSON.readTree("""
                    {"TopicArn": "%s",
                     "Message": {"outcome": "NOTIFY", "message": "Your food is ready"},
                     "Subject": "Cook complete",
                     "MessageAttributes": {
                       "eventType": {"DataType": "String", "StringValue": "COOK_COMPLETE"},
                       "watts": {"DataType": "Number", "StringValue": "900"},
                       "raw": {"DataType": "Binary", "BinaryValue": "%s"}}}
                    """.formatted(TOPIC, Base64.getEncoder().encodeToString(new byte[] {1, 2, 3})));

            JsonNode result = result(publisher.invoke(publish(parameters)));

            StubAwsEndpoint.Received request = sns.onlyRequest();
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/");
            assertThat(request.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
            assertThat(request.header("Authorization")).contains("/us-east-1/sns/aws4_request");
            Map<String, String> form = request.form();
            assertThat(form).contains(
                    entry("Action", "Publish"),
                    entry("Version", "2010-03-31"),
                    entry("TopicArn", TOPIC),
                    entry("Message", "{\"outcome\":\"NOTIFY\",\"message\":\"Your food is ready\"}"),
                    entry("Subject", "Cook complete"),
                    entry("MessageAttributes.entry.1.Name", "eventType"),
                    entry("MessageAttributes.entry.1.Value.DataType", "String"),
                    entry("MessageAttributes.entry.1.Value.StringValue", "COOK_COMPLETE"),
                    entry("MessageAttributes.entry.2.Name", "watts"),
                    entry("MessageAttributes.entry.2.Value.DataType", "Number"),
                    entry("MessageAttributes.entry.2.Value.StringValue", "900"),
                    entry("MessageAttributes.entry.3.Name", "raw"),
                    entry("MessageAttributes.entry.3.Value.DataType", "Binary"),
                    entry("MessageAttributes.entry.3.Value.BinaryValue", "AQID"));
            assertThat(form).doesNotContainKeys("MessageStructure", "TargetArn", "PhoneNumber");

            assertThat(result.get("MessageId").textValue()).isEqualTo("9a1c-message");
            assertThat(result.at("/SdkHttpMetadata/HttpStatusCode").intValue()).isEqualTo(200);
            // Header names as the server wrote them (the JDK's stub server capitalises only the first letter).
            assertThat(header(result.at("/SdkHttpMetadata/HttpHeaders"), "x-amzn-RequestId").textValue())
                    .isEqualTo("5d2e-request");
            assertThat(header(result.at("/SdkHttpMetadata/AllHttpHeaders"), "x-amzn-RequestId"))
                    .isEqualTo(JSON.createArrayNode().add("5d2e-request"));
            assertThat(header(result.at("/SdkHttpMetadata/HttpHeaders"), "Content-Type").textValue())
                    .isEqualTo("text/xml");
            assertThat(result.at("/SdkResponseMetadata/RequestId").textValue()).isEqualTo("5d2e-request");
            assertThat(published).containsExactly(new RemotePublish(EXECUTION, TOPIC, "Cook complete",
                    "{\"outcome\":\"NOTIFY\",\"message\":\"Your food is ready\"}", "9a1c-message"));
        }
    }

    @Test
    void a_string_message_with_a_json_structure_goes_as_it_is_to_a_target_arn() throws Exception {
        String perProtocol = "{\"default\":\"ready\",\"email\":\"Your food is ready\"}";
        try (StubAwsEndpoint sns = StubAwsEndpoint.answering(request -> published("m-2", "r-2"));
                RemoteSnsPublisher publisher = publisher(sns)) {
            JsonNode parameters = JSON.createObjectNode().put("TargetArn", TOPIC).put("Message", perProtocol)
                    .put("MessageStructure", "json");

            result(publisher.invoke(publish(parameters)));

            assertThat(sns.onlyRequest().form()).contains(entry("TargetArn", TOPIC), entry("Message", perProtocol),
                    entry("MessageStructure", "json")).doesNotContainKey("TopicArn");
        }
    }

    @Test
    void a_topic_sns_does_not_know_is_SNS_NotFoundException_with_the_cause_as_step_functions_writes_it()
            throws Exception {
        try (StubAwsEndpoint sns = StubAwsEndpoint.answering(request -> new Answer(404,
                Map.of("Content-Type", "text/xml", "x-amzn-RequestId", "c0ffee-404"), """
                <ErrorResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">
                  <Error><Type>Sender</Type><Code>NotFound</Code><Message>Topic does not exist</Message></Error>
                  <RequestId>c0ffee-404</RequestId>
                </ErrorResponse>"""));
                RemoteSnsPublisher publisher = publisher(sns)) {

            Throwable raised = failure(publisher.invoke(publish(JSON.createObjectNode()
                    .put("TopicArn", TOPIC + "-gone").put("Message", "hello"))));

            assertThat(raised).isInstanceOfSatisfying(StatesFailure.class, failure -> {
                assertThat(failure.error()).isEqualTo("SNS.NotFoundException");
                assertThat(failure.cause())
                        .isEqualTo("Topic does not exist (Service: Sns, Status Code: 404, Request ID: c0ffee-404)");
            });
            assertThat(published).isEmpty();
            assertThat(sns.received()).as("no SDK retries").hasSize(1);
        }
    }

    @Test
    void a_missing_parameter_is_refused_by_sns_as_SNS_InvalidParameterException() throws Exception {
        String message = "Invalid parameter: TopicArn or TargetArn Reason: no value for required parameter";
        try (StubAwsEndpoint sns = StubAwsEndpoint.answering(request -> new Answer(400,
                Map.of("Content-Type", "text/xml", "x-amzn-RequestId", "r-400"), """
                <ErrorResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">
                  <Error><Type>Sender</Type><Code>InvalidParameter</Code><Message>%s</Message></Error>
                  <RequestId>r-400</RequestId>
                </ErrorResponse>""".formatted(message)));
                RemoteSnsPublisher publisher = publisher(sns)) {

            Throwable raised = failure(publisher.invoke(publish(JSON.createObjectNode().put("Message", "hello"))));

            assertThat(raised).isInstanceOfSatisfying(StatesFailure.class, failure -> {
                assertThat(failure.error()).isEqualTo("SNS.InvalidParameterException");
                assertThat(failure.cause()).isEqualTo(message + " (Service: Sns, Status Code: 400, Request ID: r-400)");
            });
        }
    }

    @Test
    void an_unreachable_sns_is_SNS_SdkClientException() {
        try (RemoteSnsPublisher publisher = RemoteSnsPublisher.forEndpoint(Outcomes.closedPort(), Map.of(),
                request -> CompletableFuture.completedFuture(TextNode.valueOf("other")), published::add)) {

            Throwable raised = failure(publisher.invoke(publish(JSON.createObjectNode()
                    .put("TopicArn", TOPIC).put("Message", "hello"))));

            assertThat(raised).isInstanceOfSatisfying(StatesFailure.class, failure -> {
                assertThat(failure.error()).isEqualTo("SNS.SdkClientException");
                assertThat(failure.cause()).matches("Unable to execute HTTP request: Connect to 127\\.0\\.0\\.1:\\d+ failed: Connection refused");
            });
        }
    }

    @Test
    void other_resources_go_to_the_next_invoker_without_a_call_to_sns() throws Exception {
        try (StubAwsEndpoint sns = StubAwsEndpoint.answering(request -> published("never", "never"));
                RemoteSnsPublisher publisher = publisher(sns)) {

            JsonNode result = result(publisher.invoke(new TaskRequest("arn:aws:states:::sqs:sendMessage",
                    JSON.createObjectNode(), "Queue", JSON.createObjectNode(), EXECUTION, 0)));

            assertThat(result).isEqualTo(TextNode.valueOf("other"));
            assertThat(sns.received()).isEmpty();
        }
    }

    @Test
    void malformed_message_attributes_fail_the_task_naming_the_attribute_without_a_call() throws Exception {
        try (StubAwsEndpoint sns = StubAwsEndpoint.answering(request -> published("never", "never"));
                RemoteSnsPublisher publisher = publisher(sns)) {
            JsonNode parameters = JSON.readTree("{\"TopicArn\":\"" + TOPIC + "\",\"Message\":\"m\","
                    + "\"MessageAttributes\":{\"raw\":{\"DataType\":\"Binary\",\"BinaryValue\":\"not base64!\"}}}");

            Throwable raised = failure(publisher.invoke(publish(parameters)));

            assertThat(raised).isInstanceOfSatisfying(StatesFailure.class, failure -> {
                assertThat(failure.error()).isEqualTo("States.Runtime");
                assertThat(failure.cause()).contains("MessageAttributes.raw.BinaryValue must be base64 text");
            });
            assertThat(sns.received()).isEmpty();
        }
    }

    private static JsonNode header(JsonNode headers, String name) {
        return headers.properties().stream().filter(header -> header.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst().orElseThrow(() -> new AssertionError("no " + name + " in " + headers));
    }

    private RemoteSnsPublisher publisher(StubAwsEndpoint sns) {
        return RemoteSnsPublisher.forEndpoint(sns.url(), Map.of(),
                request -> CompletableFuture.completedFuture(TextNode.valueOf("other")), published::add);
    }

    private static TaskRequest publish(JsonNode parameters) {
        return new TaskRequest(RemoteSnsPublisher.PUBLISH, parameters, "Notify", JSON.createObjectNode(), EXECUTION, 0);
    }

    /** SNS's answer to a Publish it accepted, in the query protocol's XML. */
    private static Answer published(String messageId, String requestId) {
        return new Answer(200, Map.of("Content-Type", "text/xml", "x-amzn-RequestId", requestId), """
                <PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">
                  <PublishResult><MessageId>%s</MessageId></PublishResult>
                  <ResponseMetadata><RequestId>%s</RequestId></ResponseMetadata>
                </PublishResponse>""".formatted(messageId, requestId));
    }
}
