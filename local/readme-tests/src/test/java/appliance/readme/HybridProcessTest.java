package appliance.readme;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hybrid mode as the README shows it: {@code bin/appliance run ... --lambda-endpoint URL}, the Lambda
 * calls going over HTTP to a real endpoint (here a stand-in for {@code sam local start-lambda}).
 */
class HybridProcessTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String README_COMMAND = "bin/appliance run events/preset-ended-early.json --lambda-endpoint http://127.0.0.1:3001";
    private static final String CLASSIFIED = "{\"outcome\":\"EARLY_END_PRESET\",\"message\":\"Remote: popcorn ended early\","
            + "\"appliance_id\":\"kitchen-microwave-01\",\"cook_secs\":45,\"req_secs\":90,\"remaining_secs\":45,\"pre\":\"popcorn\"}";
    private static final String RECORDED = "{\"record\":\"COOK\",\"outcome\":\"EARLY_END_PRESET\",\"message\":\"Remote: popcorn ended early\","
            + "\"notification\":\"SENT\"}";

    private static JsonNode onlyExecution(ProcessResult run) throws IOException {
        assertThat(run.out().lines()).as(run.describe()).hasSize(1);
        return JSON.readTree(run.out());
    }

    @Test
    void the_workflows_lambda_calls_go_to_the_endpoint_and_its_answers_are_the_results() throws Exception {
        try (FakeLambdaEndpoint lambda = FakeLambdaEndpoint.answering(Map.of(
                "ClassifyCookFunction", CLASSIFIED, "RecordCookFunction", RECORDED))) {
            ProcessResult run = UserProcess.readme(README_COMMAND.replace("http://127.0.0.1:3001", lambda.url()) + " --json").run();

            assertThat(run.exitCode()).as(run.describe()).isZero();
            JsonNode execution = onlyExecution(run);
            assertThat(execution.get("status").asText()).isEqualTo("SUCCEEDED");
            assertThat(execution.get("output")).isEqualTo(JSON.readTree(RECORDED));
            assertThat(lambda.invoked()).containsExactly("ClassifyCookFunction", "RecordCookFunction");
        }
    }

    @Test
    void serve_sends_the_template_machines_lambda_calls_to_the_endpoint_too() throws Exception {
        try (FakeLambdaEndpoint lambda = FakeLambdaEndpoint.answering(Map.of(
                "ClassifyCookFunction", CLASSIFIED, "RecordCookFunction", RECORDED));
                RunningServe serve = RunningServe.start("--lambda-endpoint", lambda.url())) {
            String input = java.nio.file.Files.readString(UserProcess.root().resolve("events/preset-ended-early.json"));
            JsonNode started = serve.call("StartExecution", JSON.createObjectNode()
                    .put("stateMachineArn", "arn:aws:states:us-east-1:123456789012:stateMachine:CookWorkflow")
                    .put("input", input));

            JsonNode ended = serve.untilEnded(started.get("executionArn").asText());

            assertThat(ended.get("status").asText()).as(ended.toString()).isEqualTo("SUCCEEDED");
            assertThat(JSON.readTree(ended.get("output").asText())).isEqualTo(JSON.readTree(RECORDED));
            assertThat(lambda.invoked()).containsExactly("ClassifyCookFunction", "RecordCookFunction");
        }
    }

    @Test
    void an_endpoint_that_is_down_fails_the_task_with_lambda_sdk_client_exception_saying_why() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        ProcessResult run = UserProcess.readme(README_COMMAND.replace("3001", Integer.toString(closedPort)) + " --json").run();

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
        JsonNode execution = onlyExecution(run);
        assertThat(execution.get("status").asText()).isEqualTo("FAILED");
        assertThat(execution.get("error").asText()).isEqualTo("Lambda.SdkClientException");
        assertThat(execution.get("cause").asText())
                .isEqualTo("Unable to execute HTTP request: Connect to 127.0.0.1:" + closedPort + " failed: Connection refused");
        assertThat(run.err()).doesNotContain("NoClassDefFoundError", "Exception in thread");
    }
}
