package appliance.starter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.StartExecutionResponse;

/**
 * SnapStart priming: one StartExecution through the SDK's whole request path (marshalling the request to
 * JSON, signing it, parsing the response) against an HTTP client that answers in memory. Run before Lambda
 * takes the snapshot, it loads and initialises those classes once, so an environment restored from the
 * snapshot does not pay for them on its first message. No network call is made.
 */
final class SfnClientPriming {

    static final String STATE_MACHINE_ARN = "arn:aws:states:us-east-1:123456789012:stateMachine:SnapStartPriming";
    static final String EXECUTION_ARN = "arn:aws:states:us-east-1:123456789012:execution:SnapStartPriming:priming";

    private String lastRequestBody;

    /** Runs the priming call and returns Step Functions' answer as the SDK parsed it. */
    StartExecutionResponse prime() {
        try (SfnClient client = SfnClient.builder()
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("priming", "priming")))
                .httpClient(new InMemoryStepFunctions())
                .build()) {
            return client.startExecution(request -> request
                    .stateMachineArn(STATE_MACHINE_ARN)
                    .name("priming")
                    .input("{\"cook_secs\": 45, \"req_secs\": 90}"));
        }
    }

    /** The JSON body of the last request the SDK marshalled, as it would have gone to Step Functions. */
    Optional<String> lastRequestBody() {
        return Optional.ofNullable(lastRequestBody);
    }

    /** Answers every request with a StartExecution response, in memory. */
    private final class InMemoryStepFunctions implements SdkHttpClient {

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() {
                    lastRequestBody = request.contentStreamProvider().map(body -> read(body.newStream())).orElse("");
                    byte[] answer = ("{\"executionArn\": \"" + EXECUTION_ARN + "\", \"startDate\": 1764000000.0}")
                            .getBytes(StandardCharsets.UTF_8);
                    return HttpExecuteResponse.builder()
                            .response(SdkHttpResponse.builder().statusCode(200)
                                    .putHeader("Content-Type", "application/x-amz-json-1.0")
                                    .putHeader("Content-Length", Integer.toString(answer.length))
                                    .build())
                            .responseBody(AbortableInputStream.create(new ByteArrayInputStream(answer)))
                            .build();
                }

                @Override
                public void abort() {
                    // Nothing is in flight: the answer is made in memory.
                }
            };
        }

        @Override
        public void close() {
            // Holds no connection.
        }
    }

    private static String read(InputStream body) {
        try (body) {
            return new String(body.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
