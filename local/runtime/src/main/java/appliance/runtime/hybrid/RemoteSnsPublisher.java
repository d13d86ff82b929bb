package appliance.runtime.hybrid;

import appliance.engine.error.StatesFailure;
import appliance.engine.task.TaskInvoker;
import appliance.engine.task.TaskRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sns.model.PublishResponse;
import software.amazon.awssdk.services.sns.model.SnsException;

/**
 * {@code arn:aws:states:::sns:publish} as an SNS {@code Publish} on a real endpoint. The task's result is
 * the Publish response as Step Functions returns it: {@code MessageId}, {@code SdkHttpMetadata} (the
 * response's headers and status) and {@code SdkResponseMetadata} (its request id). A refused publish
 * fails the task with {@code SNS.<Exception>} (e.g. {@code SNS.NotFoundException}), no answer with
 * {@code SNS.SdkClientException}. Other resources go to {@code otherwise}.
 */
public final class RemoteSnsPublisher implements TaskInvoker, AutoCloseable {

    public static final String PUBLISH = "arn:aws:states:::sns:publish";

    private final SnsClient sns;
    private final TaskInvoker otherwise;
    private final Consumer<RemotePublish> published;

    /**
     * @param sns the client to publish through; closing this closes it
     * @param otherwise handles every other resource
     * @param published told of each accepted publish (for the run's report and cost)
     */
    public RemoteSnsPublisher(SnsClient sns, TaskInvoker otherwise, Consumer<RemotePublish> published) {
        this.sns = sns;
        this.otherwise = otherwise;
        this.published = published;
    }

    /**
     * Publishes to the SNS API at {@code endpoint} (region us-east-1; dummy credentials unless
     * {@code AWS_ACCESS_KEY_ID} and {@code AWS_SECRET_ACCESS_KEY} are set in {@code environment}).
     */
    public static RemoteSnsPublisher forEndpoint(URI endpoint, Map<String, String> environment, TaskInvoker otherwise,
            Consumer<RemotePublish> published) {
        return new RemoteSnsPublisher(EndpointClients.sns(endpoint, environment), otherwise, published);
    }

    /** {@link #forEndpoint(URI, Map, TaskInvoker, Consumer)} with this process's environment, telling no one. */
    public static RemoteSnsPublisher forEndpoint(URI endpoint, TaskInvoker otherwise) {
        return forEndpoint(endpoint, System.getenv(), otherwise, publish -> { });
    }

    @Override
    public CompletionStage<JsonNode> invoke(TaskRequest request) {
        if (!PUBLISH.equals(request.resource())) {
            return otherwise.invoke(request);
        }
        try {
            PublishRequest publish = SnsPublishParameters.toRequest(request.parameters());
            PublishResponse response = sns.publish(publish);
            published.accept(new RemotePublish(request.executionArn(), target(publish), publish.subject(),
                    publish.message(), response.messageId()));
            return CompletableFuture.completedFuture(result(response));
        } catch (SnsException refused) {
            return CompletableFuture.failedFuture(ServiceFailures.sns(refused));
        } catch (SdkClientException unreachable) {
            return CompletableFuture.failedFuture(ServiceFailures.unreachable("SNS", unreachable,
                    sns.serviceClientConfiguration().endpointOverride()));
        } catch (StatesFailure invalid) {
            return CompletableFuture.failedFuture(invalid);
        }
    }

    private static String target(PublishRequest publish) {
        return publish.topicArn() != null ? publish.topicArn()
                : publish.targetArn() != null ? publish.targetArn() : publish.phoneNumber();
    }

    private static ObjectNode result(PublishResponse response) {
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.put("MessageId", response.messageId());
        if (response.sequenceNumber() != null) {
            result.put("SequenceNumber", response.sequenceNumber());
        }
        return ResponseMetadata.addTo(result, response);
    }

    @Override
    public void close() {
        sns.close();
    }
}
