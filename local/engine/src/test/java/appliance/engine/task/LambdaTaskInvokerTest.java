package appliance.engine.task;

import static org.assertj.core.api.Assertions.assertThat;

import appliance.engine.error.StatesFailure;
import appliance.engine.task.lambda.LambdaFunctionError;
import appliance.engine.task.lambda.LambdaTaskInvoker;
import appliance.engine.task.lambda.StandInFunctions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class LambdaTaskInvokerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LambdaTaskInvoker invoker = new LambdaTaskInvoker(name -> switch (name) {
        case "fails" -> event -> CompletableFuture.failedFuture(new LambdaFunctionError("ValueError", "{\"errorMessage\": \"bad\"}"));
        default -> StandInFunctions.named(name);
    }, new UnknownResourceInvoker(), new SplittableRandom(3), () -> Instant.parse("2024-05-01T12:00:00Z"));

    private static TaskRequest request(String resource, String parameters) throws Exception {
        return new TaskRequest(resource, JSON.readTree(parameters), "S", null, "exec", 0);
    }

    private static StatesFailure failure(java.util.concurrent.CompletionStage<JsonNode> answer) {
        try {
            answer.toCompletableFuture().join();
            throw new AssertionError("expected a failure");
        } catch (CompletionException e) {
            return (StatesFailure) e.getCause();
        }
    }

    @Test
    void a_function_arn_returns_the_plain_payload() throws Exception {
        JsonNode result = invoker.invoke(request("arn:aws:lambda:us-east-1:1:function:echo:live", "{\"a\":1}"))
                .toCompletableFuture().join();
        assertThat(result).isEqualTo(JSON.readTree("{\"Return\":\"HelloWorld\"}"));
    }

    @Test
    void lambda_invoke_returns_the_invoke_api_response_around_the_payload() throws Exception {
        JsonNode result = invoker.invoke(request(LambdaTaskInvoker.INVOKE,
                "{\"FunctionName\":\"arn:aws:lambda:us-east-1:1:function:identity\",\"Payload\":{\"n\":1}}"))
                .toCompletableFuture().join();
        assertThat(result.get("Payload")).isEqualTo(JSON.readTree("{\"n\":1}"));
        assertThat(result.get("StatusCode").asInt()).isEqualTo(200);
        assertThat(result.get("ExecutedVersion").asText()).isEqualTo("$LATEST");
        assertThat(result.get("SdkHttpMetadata").get("HttpStatusCode").asInt()).isEqualTo(200);
        assertThat(result.get("SdkHttpMetadata").get("HttpHeaders").get("Date").asText()).isEqualTo("Wed, 01 May 2024 12:00:00 GMT");
        assertThat(result.get("SdkResponseMetadata").get("RequestId").asText())
                .isEqualTo(result.get("SdkHttpMetadata").get("HttpHeaders").get("x-amzn-RequestId").asText());
    }

    @Test
    void executed_version_is_the_version_the_function_name_qualifies() throws Exception {
        JsonNode result = invoker.invoke(request(LambdaTaskInvoker.INVOKE,
                "{\"FunctionName\":\"arn:aws:lambda:us-east-1:1:function:identity:1\",\"Payload\":{}}"))
                .toCompletableFuture().join();
        assertThat(result.get("ExecutedVersion").asText()).isEqualTo("1");
        assertThat(result.get("SdkHttpMetadata").get("HttpHeaders").get("X-Amz-Executed-Version").asText()).isEqualTo("1");
    }

    @Test
    void a_raised_error_becomes_the_states_error_with_the_error_payload_as_cause() throws Exception {
        StatesFailure failure = failure(invoker.invoke(request(LambdaTaskInvoker.INVOKE, "{\"FunctionName\":\"fails\"}")));
        assertThat(failure.error()).isEqualTo("ValueError");
        assertThat(failure.cause()).isEqualTo("{\"errorMessage\": \"bad\"}");
    }

    @Test
    void an_unknown_function_fails_as_resource_not_found() throws Exception {
        StatesFailure failure = failure(invoker.invoke(request("arn:aws:lambda:us-east-1:1:function:ghost", "{}")));
        assertThat(failure.error()).isEqualTo("Lambda.ResourceNotFoundException");
        assertThat(failure.cause()).contains("ghost");
    }

    @Test
    void other_resources_go_to_the_next_invoker() throws Exception {
        StatesFailure failure = failure(invoker.invoke(request("arn:aws:states:::sns:publish", "{}")));
        assertThat(failure.cause()).contains("arn:aws:states:::sns:publish");
    }
}
