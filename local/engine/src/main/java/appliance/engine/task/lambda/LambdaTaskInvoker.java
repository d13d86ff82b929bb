package appliance.engine.task.lambda;

import appliance.engine.definition.Json;
import appliance.engine.error.StatesFailure;
import appliance.engine.task.TaskInvoker;
import appliance.engine.task.TaskRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Calls Lambda functions the two ways a Task can, with AWS's result shapes:
 * <ul>
 * <li>{@code arn:aws:lambda:REGION:ACCOUNT:function:NAME}: the effective input is the event, the
 *     result is the function's payload as it is;</li>
 * <li>{@code arn:aws:states:::lambda:invoke}: {@code FunctionName} and {@code Payload} come from the
 *     parameters, the result is the Invoke API's response: {@code ExecutedVersion}, {@code Payload},
 *     {@code SdkHttpMetadata}, {@code SdkResponseMetadata}, {@code StatusCode}.</li>
 * </ul>
 * A function that raised fails the task with its {@code errorType} as the error and its error payload
 * as the cause. Other resources go to {@code otherwise}.
 */
public final class LambdaTaskInvoker implements TaskInvoker {

    public static final String INVOKE = "arn:aws:states:::lambda:invoke";
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private final Function<String, LambdaFunction> functions;
    private final TaskInvoker otherwise;
    private final RandomGenerator random;
    private final Supplier<Instant> clock;

    /**
     * @param functions finds a function by its name (the last part of its ARN); null when there is none
     * @param otherwise handles every resource that is not a Lambda function
     * @param random for request ids
     * @param clock for the {@code Date} header
     */
    public LambdaTaskInvoker(Function<String, LambdaFunction> functions, TaskInvoker otherwise, RandomGenerator random,
            Supplier<Instant> clock) {
        this.functions = functions;
        this.otherwise = otherwise;
        this.random = random;
        this.clock = clock;
    }

    @Override
    public CompletionStage<JsonNode> invoke(TaskRequest request) {
        String resource = request.resource();
        if (resource.startsWith(INVOKE) && !resource.endsWith(".waitForTaskToken")) {
            return invokeApi(request.parameters());
        }
        if (resource.startsWith("arn:aws:lambda:") && resource.contains(":function:")) {
            return direct(resource, request.parameters());
        }
        return otherwise.invoke(request);
    }

    private CompletionStage<JsonNode> direct(String arn, JsonNode event) {
        String name = functionName(arn);
        LambdaFunction function = functions.apply(name);
        if (function == null) {
            return CompletableFuture.failedFuture(notFound(arn));
        }
        return call(function, event).thenApply(payload -> payload);
    }

    private CompletionStage<JsonNode> invokeApi(JsonNode parameters) {
        JsonNode nameNode = parameters == null ? null : parameters.get("FunctionName");
        if (nameNode == null || !nameNode.isTextual()) {
            return CompletableFuture.failedFuture(new StatesFailure("States.Runtime",
                    "The field 'FunctionName' is required by arn:aws:states:::lambda:invoke"));
        }
        String name = functionName(nameNode.asText());
        LambdaFunction function = functions.apply(name);
        if (function == null) {
            return CompletableFuture.failedFuture(notFound(nameNode.asText()));
        }
        JsonNode payload = parameters.has("Payload") ? parameters.get("Payload") : JsonNodeFactory.instance.objectNode();
        String version = executedVersion(nameNode.asText());
        return call(function, payload).thenApply(result -> invokeResponse(result, version));
    }

    private CompletionStage<JsonNode> call(LambdaFunction function, JsonNode event) {
        CompletionStage<JsonNode> answer;
        try {
            answer = function.invoke(event);
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        return answer.handle((payload, error) -> {
            if (error == null) {
                return payload == null ? JsonNodeFactory.instance.nullNode() : payload;
            }
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof LambdaFunctionError raised) {
                throw new StatesFailure(raised.errorType(), raised.payload());
            }
            if (cause instanceof StatesFailure failure) {
                throw failure;
            }
            throw new StatesFailure(cause.getClass().getSimpleName(), cause.getMessage());
        });
    }

    /**
     * The version Lambda reports having run: the one a function ARN or name qualifies with a version
     * number ({@code ...:function:NAME:1}), otherwise {@code $LATEST}. An alias's version is not known here.
     */
    static String executedVersion(String nameOrArn) {
        int at = nameOrArn.indexOf(":function:");
        String rest = at < 0 ? nameOrArn : nameOrArn.substring(at + ":function:".length());
        int qualifier = rest.indexOf(':');
        String version = qualifier < 0 ? "" : rest.substring(qualifier + 1);
        return !version.isEmpty() && version.chars().allMatch(Character::isDigit) ? version : "$LATEST";
    }

    private JsonNode invokeResponse(JsonNode payload, String version) {
        String requestId = new UUID(random.nextLong(), random.nextLong()).toString();
        String length = Integer.toString(Json.compact(payload).getBytes(StandardCharsets.UTF_8).length);
        String date = HTTP_DATE.format(clock.get());
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.put("ExecutedVersion", version);
        response.set("Payload", payload);
        ObjectNode http = response.putObject("SdkHttpMetadata");
        ObjectNode all = http.putObject("AllHttpHeaders");
        ObjectNode headers = http.putObject("HttpHeaders");
        String[][] values = {
            {"X-Amz-Executed-Version", version},
            {"x-amzn-Remapped-Content-Length", "0"},
            {"Connection", "keep-alive"},
            {"x-amzn-RequestId", requestId},
            {"Content-Length", length},
            {"Date", date},
            {"Content-Type", "application/json"}};
        for (String[] header : values) {
            all.putArray(header[0]).add(header[1]);
            headers.put(header[0], header[1]);
        }
        http.put("HttpStatusCode", 200);
        response.putObject("SdkResponseMetadata").put("RequestId", requestId);
        response.put("StatusCode", 200);
        return response;
    }

    /** The function's name from an ARN ({@code ...:function:NAME[:QUALIFIER]}) or a plain name. */
    static String functionName(String nameOrArn) {
        int at = nameOrArn.indexOf(":function:");
        if (at < 0) {
            return nameOrArn;
        }
        String rest = nameOrArn.substring(at + ":function:".length());
        int qualifier = rest.indexOf(':');
        return qualifier < 0 ? rest : rest.substring(0, qualifier);
    }

    private static StatesFailure notFound(String function) {
        return new StatesFailure("Lambda.ResourceNotFoundException",
                "Function not found: " + function + " (Service: Lambda, Status Code: 404)");
    }
}
