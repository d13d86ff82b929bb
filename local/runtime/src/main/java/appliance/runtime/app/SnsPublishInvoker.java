package appliance.runtime.app;

import appliance.engine.error.StatesFailure;
import appliance.engine.task.TaskInvoker;
import appliance.engine.task.TaskRequest;
import appliance.runtime.cost.ExecutionUsage;
import appliance.runtime.sns.LocalSns;
import appliance.runtime.sns.SnsDelivery;
import appliance.runtime.sns.SnsException;
import appliance.runtime.sns.SnsMessageAttribute;
import appliance.runtime.sns.SnsPublishRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code arn:aws:states:::sns:publish} on the local SNS: the task's parameters are SNS's Publish request,
 * its result the Publish response as Step Functions returns it ({@code MessageId} and the SDK metadata).
 * A refused publish fails the task with {@code SNS.<Code>Exception}, as Step Functions names SNS's errors.
 */
final class SnsPublishInvoker implements TaskInvoker {

    static final String PUBLISH = "arn:aws:states:::sns:publish";

    private final LocalSns sns;
    private final ActivityLedger ledger;
    private final TaskInvoker otherwise;

    SnsPublishInvoker(LocalSns sns, ActivityLedger ledger, TaskInvoker otherwise) {
        this.sns = sns;
        this.ledger = ledger;
        this.otherwise = otherwise;
    }

    @Override
    public CompletionStage<JsonNode> invoke(TaskRequest request) {
        if (!request.resource().equals(PUBLISH)) {
            return otherwise.invoke(request);
        }
        try {
            SnsPublishRequest publish = publishRequest(request.parameters());
            LocalSns.PublishResult result = sns.publish(publish);
            ledger.of(request.executionArn()).snsPublished(new ExecutionUsage.SnsPublish(
                            publish.message().getBytes(StandardCharsets.UTF_8).length,
                            result.deliveries().stream().map(SnsDelivery::protocol).toList()),
                    new ExecutionActivity.Published(publish.topicArn(), result.messageId(), publish.subject(),
                            publish.message(), result.deliveries().size()),
                    result.deliveries());
            return CompletableFuture.completedFuture(response(result.messageId()));
        } catch (SnsException refused) {
            return CompletableFuture.failedFuture(new StatesFailure(refused.stepFunctionsError(),
                    refused.getMessage() + " (Service: Sns, Status Code: " + statusCode(refused.code())
                            + ", Request ID: " + UUID.randomUUID() + ")"));
        }
    }

    private static SnsPublishRequest publishRequest(JsonNode parameters) {
        String topicArn = text(parameters, "TopicArn");
        if (topicArn == null) {
            topicArn = text(parameters, "TargetArn");
        }
        if (topicArn == null) {
            throw new SnsException("InvalidParameter",
                    "Invalid parameter: TopicArn or TargetArn Reason: no value for required parameter");
        }
        JsonNode message = parameters.get("Message");
        // Step Functions sends a JSON Message as its text, as the Publish API takes only strings.
        String messageText = message == null || message.isNull() ? null : message.isTextual() ? message.textValue() : message.toString();
        Map<String, SnsMessageAttribute> attributes = new LinkedHashMap<>();
        parameters.path("MessageAttributes").properties().forEach(entry -> {
            JsonNode attribute = entry.getValue();
            String value = attribute.hasNonNull("StringValue") ? attribute.get("StringValue").asText()
                    : attribute.path("BinaryValue").asText(null);
            attributes.put(entry.getKey(), new SnsMessageAttribute(attribute.path("DataType").asText("String"), value));
        });
        return new SnsPublishRequest(topicArn, messageText, text(parameters, "Subject"),
                text(parameters, "MessageStructure"), attributes);
    }

    private static String text(JsonNode parameters, String field) {
        JsonNode value = parameters == null ? null : parameters.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static int statusCode(String code) {
        return code.equals("NotFound") ? 404 : code.equals("AuthorizationError") ? 403 : 400;
    }

    private static ObjectNode response(String messageId) {
        String requestId = UUID.randomUUID().toString();
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.put("MessageId", messageId);
        ObjectNode http = response.putObject("SdkHttpMetadata");
        ObjectNode headers = http.putObject("HttpHeaders");
        headers.put("Content-Type", "text/xml");
        headers.put("x-amzn-RequestId", requestId);
        ObjectNode all = http.putObject("AllHttpHeaders");
        all.putArray("Content-Type").add("text/xml");
        all.putArray("x-amzn-RequestId").add(requestId);
        http.put("HttpStatusCode", 200);
        response.putObject("SdkResponseMetadata").put("RequestId", requestId);
        return response;
    }
}
