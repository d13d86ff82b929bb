package appliance.runtime.hybrid;

import static appliance.runtime.hybrid.Outcomes.failure;
import static appliance.runtime.hybrid.Outcomes.result;
import static org.assertj.core.api.Assertions.assertThat;

import appliance.engine.error.StatesFailure;
import appliance.engine.task.TaskRequest;
import appliance.engine.task.UnknownResourceInvoker;
import appliance.engine.task.lambda.LambdaFunctionError;
import appliance.engine.task.lambda.LambdaTaskInvoker;
import appliance.runtime.hybrid.StubAwsEndpoint.Answer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The real Lambda SDK client against a stub of Lambda's Invoke API, and how each answer is reported. */
class RemoteLambdaFunctionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FUNCTION_ARN = "arn:aws:lambda:us-east-1:123456789012:function:ClassifierFunction";
    private static final String ERROR_PAYLOAD = "{\"errorMessage\":\"door opened while cooking\","
            + "\"errorType\":\"appliance.classifier.InvalidEventException\",\"stackTrace\":[\"a.B.c(B.java:1)\"]}";

    @Test
    void an_invoke_posts_the_event_to_the_functions_invocations_path_and_its_payload_is_the_result() throws Exception {
        try (StubAwsEndpoint lambda = StubAwsEndpoint.answering(request -> new Answer(200,
                Map.of("Content-Type", "application/json", "X-Amz-Executed-Version", "$LATEST"),
                "{\"outcome\":\"NOTIFY\",\"message\":\"Your food is ready\"}"));
                RemoteLambdaFunctions functions = RemoteLambdaFunctions.forEndpoint(lambda.url(), Map.of())) {
            JsonNode event = JSON.readTree("{\"applianceId\":\"mw-1\",\"event\":\"COOK_COMPLETE\"}");

            JsonNode payload = result(functions.apply("ClassifierFunction").invoke(event));

            assertThat(payload).isEqualTo(JSON.readTree("{\"outcome\":\"NOTIFY\",\"message\":\"Your food is ready\"}"));
            StubAwsEndpoint.Received request = lambda.onlyRequest();
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/2015-03-31/functions/ClassifierFunction/invocations");
            assertThat(request.header("X-Amz-Invocation-Type")).isEqualTo("RequestResponse");
            assertThat(JSON.readTree(request.body())).isEqualTo(event);
        }
    }

    @Test
    void requests_are_signed_for_us_east_1_with_dummy_keys_unless_the_environment_has_keys() throws Exception {
        try (StubAwsEndpoint lambda = StubAwsEndpoint.answering(request -> new Answer(200, Map.of(), "{}"));
                RemoteLambdaFunctions dummy = RemoteLambdaFunctions.forEndpoint(lambda.url(), Map.of());
                RemoteLambdaFunctions configured = RemoteLambdaFunctions.forEndpoint(lambda.url(),
                        Map.of("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY", "secret"))) {
            result(dummy.apply("F").invoke(JSON.createObjectNode()));
            result(configured.apply("F").invoke(JSON.createObjectNode()));

            assertThat(lambda.received().get(0).header("Authorization"))
                    .contains("Credential=appliance-local/")
                    .contains("/us-east-1/lambda/aws4_request");
            assertThat(lambda.received().get(1).header("Authorization")).contains("Credential=AKIDEXAMPLE/");
        }
    }

    @Test
    void a_function_error_fails_the_task_with_the_payloads_error_type_and_the_payload_as_cause() throws Exception {
        try (StubAwsEndpoint lambda = StubAwsEndpoint.answering(request -> new Answer(200,
                Map.of("X-Amz-Function-Error", "Unhandled", "Content-Type", "application/json"), ERROR_PAYLOAD));
                RemoteLambdaFunctions functions = RemoteLambdaFunctions.forEndpoint(lambda.url(), Map.of())) {

            Throwable raised = failure(functions.apply("ClassifierFunction").invoke(JSON.createObjectNode()));
            Throwable taskFailure = failure(taskInvoker(functions).invoke(task(FUNCTION_ARN)));

            assertThat(raised).isInstanceOfSatisfying(LambdaFunctionError.class, error -> {
                assertThat(error.errorType()).isEqualTo("appliance.classifier.InvalidEventException");
                assertThat(error.payload()).isEqualTo(ERROR_PAYLOAD);
            });
            assertThat(taskFailure).isInstanceOfSatisfying(StatesFailure.class, failure -> {
                assertThat(failure.error()).isEqualTo("appliance.classifier.InvalidEventException");
                assertThat(failure.cause()).isEqualTo(ERROR_PAYLOAD);
            });
        }
    }

    @Test
    void a_function_error_without_an_error_type_is_Lambda_Unknown_with_the_returned_payload() throws Exception {
        String payload = "{\"errorMessage\":\"2026-11-28T10:00:03.000Z 1d5c Task timed out after 3.00 seconds\"}";
        try (StubAwsEndpoint lambda = StubAwsEndpoint.answering(request -> new Answer(200,
                Map.of("X-Amz-Function-Error", "Unhandled"), payload));
                RemoteLambdaFunctions functions = RemoteLambdaFunctions.forEndpoint(lambda.url(), Map.of())) {

            Throwable raised = failure(functions.apply("ClassifierFunction").invoke(JSON.createObjectNode()));

            assertThat(raised).isInstanceOfSatisfying(StatesFailure.class, failure -> {
                assertThat(failure.error()).isEqualTo("Lambda.Unknown");
                assertThat(failure.cause()).isEqualTo("The cause could not be determined because Lambda did not "
                        + "return an error type. Returned payload: " + payload);
            });
        }
    }

    @Test
    void throttling_is_Lambda_TooManyRequestsException_with_the_cause_as_Step_Functions_writes_it() throws Exception {
        try (StubAwsEndpoint lambda = StubAwsEndpoint.answering(request -> new Answer(429,
                Map.of("Content-Type", "application/json", "x-amzn-ErrorType", "TooManyRequestsException",
                        "x-amzn-RequestId", "7a5c1f0e-throttled"),
                "{\"Reason\":\"ReservedFunctionConcurrentInvocationLimitExceeded\",\"Type\":\"User\","
                        + "\"message\":\"Rate Exceeded.\"}"));
                RemoteLambdaFunctions functions = RemoteLambdaFunctions.forEndpoint(lambda.url(), Map.of())) {

            Throwable raised = failure(taskInvoker(functions).invoke(task(FUNCTION_ARN)));

            assertThat(raised).isInstanceOfSatisfying(StatesFailure.class, failure -> {
                assertThat(failure.error()).isEqualTo("Lambda.TooManyRequestsException");
                assertThat(failure.cause()).isEqualTo("Rate Exceeded. (Service: AWSLambda; Status Code: 429; "
                        + "Error Code: TooManyRequestsException; Request ID: 7a5c1f0e-throttled; Proxy: null)");
            });
            assertThat(lambda.received()).as("no SDK retries: the state's Retry decides").hasSize(1);
        }
    }

    @Test
    void an_unknown_function_is_Lambda_ResourceNotFoundException() throws Exception {
        String message = "Function not found: " + "arn:aws:lambda:us-east-1:123456789012:function:Nope";
        try (StubAwsEndpoint lambda = StubAwsEndpoint.answering(request -> new Answer(404,
                Map.of("Content-Type", "application/json", "x-amzn-ErrorType", "ResourceNotFoundException",
                        "x-amzn-RequestId", "req-404"),
                "{\"Type\":\"User\",\"Message\":\"" + message + "\"}"));
                RemoteLambdaFunctions functions = RemoteLambdaFunctions.forEndpoint(lambda.url(), Map.of())) {

            Throwable raised = failure(functions.apply("Nope").invoke(JSON.createObjectNode()));

            assertThat(raised).isInstanceOfSatisfying(StatesFailure.class, failure -> {
                assertThat(failure.error()).isEqualTo("Lambda.ResourceNotFoundException");
                assertThat(failure.cause()).isEqualTo(message + " (Service: AWSLambda; Status Code: 404; "
                        + "Error Code: ResourceNotFoundException; Request ID: req-404; Proxy: null)");
            });
        }
    }

    @Test
    void an_error_lambda_does_not_model_is_Lambda_AWSLambdaException() throws Exception {
        try (StubAwsEndpoint lambda = StubAwsEndpoint.answering(request -> new Answer(502,
                Map.of("Content-Type", "application/json", "x-amzn-ErrorType", "BadGateway",
                        "x-amzn-RequestId", "req-502"),
                "{\"message\":\"The gateway failed\"}"));
                RemoteLambdaFunctions functions = RemoteLambdaFunctions.forEndpoint(lambda.url(), Map.of())) {

            Throwable raised = failure(functions.apply("F").invoke(JSON.createObjectNode()));

            assertThat(raised).isInstanceOfSatisfying(StatesFailure.class, failure -> {
                assertThat(failure.error()).isEqualTo("Lambda.AWSLambdaException");
                assertThat(failure.cause()).isEqualTo("The gateway failed (Service: AWSLambda; Status Code: 502; "
                        + "Error Code: BadGateway; Request ID: req-502; Proxy: null)");
            });
        }
    }

    @Test
    void a_refused_connection_is_Lambda_SdkClientException() {
        try (RemoteLambdaFunctions functions = RemoteLambdaFunctions.forEndpoint(Outcomes.closedPort(), Map.of())) {

            Throwable raised = failure(taskInvoker(functions).invoke(task(FUNCTION_ARN)));

            assertThat(raised).isInstanceOfSatisfying(StatesFailure.class, failure -> {
                assertThat(failure.error()).isEqualTo("Lambda.SdkClientException");
                assertThat(failure.cause()).matches("Unable to execute HTTP request: Connect to 127\\.0\\.0\\.1:\\d+ failed: Connection refused");
            });
        }
    }

    @Test
    void a_payload_that_is_not_json_fails_with_a_message_naming_the_function() throws Exception {
        try (StubAwsEndpoint lambda = StubAwsEndpoint.answering(request -> new Answer(200, Map.of(), "<html>oops"));
                RemoteLambdaFunctions functions = RemoteLambdaFunctions.forEndpoint(lambda.url(), Map.of())) {

            Throwable raised = failure(functions.apply("ClassifierFunction").invoke(JSON.createObjectNode()));

            assertThat(raised).isInstanceOfSatisfying(StatesFailure.class, failure -> {
                assertThat(failure.error()).isEqualTo("States.Runtime");
                assertThat(failure.cause()).contains("'ClassifierFunction'").contains("not JSON").contains("<html>oops");
            });
        }
    }

    @Test
    void the_lambda_invoke_integration_sends_the_payload_parameter_and_wraps_the_result() throws Exception {
        try (StubAwsEndpoint lambda = StubAwsEndpoint.answering(request -> new Answer(200, Map.of(), "\"done\""));
                RemoteLambdaFunctions functions = RemoteLambdaFunctions.forEndpoint(lambda.url(), Map.of())) {
            JsonNode parameters = JSON.readTree("{\"FunctionName\":\"" + FUNCTION_ARN + ":$LATEST\","
                    + "\"Payload\":{\"n\":1}}");

            JsonNode result = result(taskInvoker(functions).invoke(new TaskRequest(LambdaTaskInvoker.INVOKE,
                    parameters, "Classify", JSON.createObjectNode(), "arn:execution", 0)));

            assertThat(result.get("Payload").textValue()).isEqualTo("done");
            assertThat(result.get("StatusCode").intValue()).isEqualTo(200);
            assertThat(lambda.onlyRequest().path()).isEqualTo("/2015-03-31/functions/ClassifierFunction/invocations");
            assertThat(JSON.readTree(lambda.onlyRequest().body())).isEqualTo(JSON.readTree("{\"n\":1}"));
        }
    }

    private static LambdaTaskInvoker taskInvoker(RemoteLambdaFunctions functions) {
        return new LambdaTaskInvoker(functions, new UnknownResourceInvoker(), new SplittableRandom(7),
                () -> Instant.parse("2026-11-28T10:00:00Z"));
    }

    private static TaskRequest task(String resource) {
        return new TaskRequest(resource, JSON.createObjectNode().put("applianceId", "mw-1"), "Classify",
                JSON.createObjectNode(), "arn:aws:states:us-east-1:123456789012:execution:Cook:1", 0);
    }
}
