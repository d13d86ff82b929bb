package appliance.runtime.hybrid;

import appliance.engine.error.StatesFailure;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.awscore.AwsResponse;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * One API action of any AWS service, called through its AWS SDK v2 client at a given endpoint: the
 * task's JSON becomes the request ({@link SdkPojoJson}), the response becomes JSON. Clients are made
 * once per service and kept. A refused call fails with {@code PREFIX.ExceptionName} and a cause in
 * Step Functions' form; no answer at all with {@code PREFIX.SdkClientException}.
 */
final class SdkServiceCalls implements AutoCloseable {

    private final ServiceEndpoints endpoints;
    private final Map<String, Object> clients = new ConcurrentHashMap<>();

    SdkServiceCalls(ServiceEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    /** What a call names: the service (as in aws-sdk:NAME), the action (camelCase), the error prefix. */
    record Call(String service, String action, String errorPrefix, boolean withMetadata) {
    }

    /**
     * Calls the action; {@code endpoint} is where the service is.
     *
     * @throws StatesFailure as the Task fails: the service's refusal, no answer, bad parameters, or no SDK client
     */
    ObjectNode call(Call call, URI endpoint, JsonNode parameters) {
        Class<?> clientInterface = SdkServices.clientInterface(call.service()).orElseThrow(() -> new StatesFailure(
                "States.Runtime", "This runtime has no AWS SDK v2 client for the service '" + call.service()
                        + "' (software.amazon.awssdk:" + call.service() + " is not on its class path)"));
        Method method = action(clientInterface, call);
        Object client = clients.computeIfAbsent(call.service() + " " + endpoint, key -> newClient(clientInterface, endpoint));
        try {
            Object builder = method.getParameterTypes()[0].getMethod("builder").invoke(null);
            Object request = SdkPojoJson.request(builder, parameters, call.action());
            AwsResponse response = (AwsResponse) method.invoke(client, request);
            ObjectNode result = SdkPojoJson.response((SdkPojo) response);
            return call.withMetadata() ? ResponseMetadata.addTo(result, response) : result;
        } catch (InvocationTargetException thrown) {
            throw failure(call, endpoint, thrown.getCause());
        } catch (ReflectiveOperationException unusable) {
            throw new StatesFailure("States.Runtime", "Cannot call " + call.service() + ":" + call.action()
                    + " through the AWS SDK: " + unusable);
        }
    }

    private static Method action(Class<?> clientInterface, Call call) {
        Optional<Method> found = Arrays.stream(clientInterface.getMethods())
                .filter(method -> method.getName().equals(call.action()) && method.getParameterCount() == 1
                        && AwsRequest.class.isAssignableFrom(method.getParameterTypes()[0]))
                .findFirst();
        return found.orElseThrow(() -> new StatesFailure("States.Runtime", "The service '" + call.service()
                + "' has no API action '" + call.action() + "' (the action is the API's name in camelCase, "
                + "e.g. aws-sdk:dynamodb:getItem)"));
    }

    private Object newClient(Class<?> clientInterface, URI endpoint) {
        try {
            return EndpointClients.any(clientInterface.getMethod("builder").invoke(null), endpoint,
                    endpoints.environment(), endpoints.region());
        } catch (ReflectiveOperationException unusable) {
            throw new StatesFailure("States.Runtime", "Cannot make the AWS SDK client " + clientInterface.getName()
                    + ": " + unusable);
        }
    }

    private static RuntimeException failure(Call call, URI endpoint, Throwable thrown) {
        if (thrown instanceof StatesFailure failure) {
            return failure;
        }
        if (thrown instanceof AwsServiceException refused) {
            String name = refused.getClass().getSimpleName();
            return new StatesFailure(call.errorPrefix() + "." + name, message(refused) + " (Service: "
                    + SdkServices.errorPrefix(call.service()) + ", Status Code: " + refused.statusCode()
                    + ", Request ID: " + refused.requestId() + ")");
        }
        if (thrown instanceof SdkClientException unreachable) {
            return ServiceFailures.unreachable(call.errorPrefix(), unreachable, Optional.of(endpoint));
        }
        return new StatesFailure("States.Runtime", call.service() + ":" + call.action() + " failed: " + thrown);
    }

    private static String message(AwsServiceException refused) {
        AwsErrorDetails details = refused.awsErrorDetails();
        if (details != null && details.errorMessage() != null) {
            return details.errorMessage();
        }
        return details != null && details.errorCode() != null ? details.errorCode() : "Service error";
    }

    @Override
    public void close() {
        clients.values().forEach(client -> ((SdkAutoCloseable) client).close());
        clients.clear();
    }
}
