package appliance.runtime.hybrid;

import appliance.engine.error.StatesFailure;
import appliance.engine.task.lambda.LambdaFunction;
import appliance.engine.task.lambda.LambdaFunctionError;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LambdaException;

/**
 * The functions the engine calls, each call a synchronous Lambda {@code Invoke} on a real endpoint
 * ({@code sam local start-lambda}, or AWS), with the answer mapped as Step Functions maps it:
 * <ul>
 * <li>a payload: the task's result;</li>
 * <li>{@code X-Amz-Function-Error} set: the payload's {@code errorType} is the error and the payload,
 *     word for word, the cause; a payload with no {@code errorType} is {@code Lambda.Unknown};</li>
 * <li>Lambda refused the call: {@code Lambda.<Exception>} (see {@link ServiceFailures});</li>
 * <li>no answer: {@code Lambda.SdkClientException}.</li>
 * </ul>
 * Every name is taken to exist: the endpoint decides, and answers {@code ResourceNotFoundException} for
 * one it does not know. The call runs on the caller's thread, as the in-process functions do.
 */
public final class RemoteLambdaFunctions implements Function<String, LambdaFunction>, AutoCloseable {

    static final String UNKNOWN_ERROR = "Lambda.Unknown";
    static final String UNKNOWN_CAUSE =
            "The cause could not be determined because Lambda did not return an error type. Returned payload: ";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LambdaClient lambda;

    /** Calls through the given client; closing this closes it. */
    public RemoteLambdaFunctions(LambdaClient lambda) {
        this.lambda = lambda;
    }

    /**
     * Calls the Lambda API at {@code endpoint} (region us-east-1; dummy credentials unless
     * {@code AWS_ACCESS_KEY_ID} and {@code AWS_SECRET_ACCESS_KEY} are set in {@code environment}).
     */
    public static RemoteLambdaFunctions forEndpoint(URI endpoint, Map<String, String> environment) {
        return new RemoteLambdaFunctions(EndpointClients.lambda(endpoint, environment));
    }

    /** {@link #forEndpoint(URI, Map)} with this process's environment. */
    public static RemoteLambdaFunctions forEndpoint(URI endpoint) {
        return forEndpoint(endpoint, System.getenv());
    }

    @Override
    public LambdaFunction apply(String functionName) {
        return event -> invoke(functionName, event);
    }

    private CompletionStage<JsonNode> invoke(String functionName, JsonNode event) {
        try {
            InvokeResponse response = lambda.invoke(InvokeRequest.builder()
                    .functionName(functionName)
                    .invocationType(InvocationType.REQUEST_RESPONSE)
                    .payload(SdkBytes.fromUtf8String(event == null ? "null" : event.toString()))
                    .build());
            String payload = response.payload() == null ? "" : response.payload().asUtf8String();
            if (response.functionError() != null) {
                return CompletableFuture.failedFuture(functionError(payload));
            }
            return CompletableFuture.completedFuture(parse(functionName, payload));
        } catch (LambdaException refused) {
            return CompletableFuture.failedFuture(ServiceFailures.lambda(refused));
        } catch (SdkClientException unreachable) {
            return CompletableFuture.failedFuture(ServiceFailures.unreachable("Lambda", unreachable,
                    lambda.serviceClientConfiguration().endpointOverride()));
        } catch (StatesFailure failure) {
            return CompletableFuture.failedFuture(failure);
        }
    }

    private static RuntimeException functionError(String payload) {
        JsonNode parsed = readOrNull(payload);
        JsonNode errorType = parsed == null ? null : parsed.get("errorType");
        if (errorType != null && errorType.isTextual() && !errorType.textValue().isEmpty()) {
            return new LambdaFunctionError(errorType.textValue(), payload);
        }
        return new StatesFailure(UNKNOWN_ERROR, UNKNOWN_CAUSE + payload);
    }

    private static JsonNode parse(String functionName, String payload) {
        if (payload.isBlank()) {
            return NullNode.getInstance();
        }
        JsonNode parsed = readOrNull(payload);
        if (parsed == null) {
            throw new StatesFailure("States.Runtime", "The Lambda function '" + functionName
                    + "' returned a payload that is not JSON: " + abbreviated(payload));
        }
        return parsed;
    }

    private static JsonNode readOrNull(String payload) {
        try {
            return JSON.readTree(payload);
        } catch (JsonProcessingException notJson) {
            return null;
        }
    }

    private static String abbreviated(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    @Override
    public void close() {
        lambda.close();
    }
}
