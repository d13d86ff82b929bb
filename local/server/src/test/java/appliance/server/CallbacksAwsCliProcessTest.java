package appliance.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * The callback and activity actions from other processes, as users call them: the AWS CLI block of this
 * module's README (an activity worker), and boto3 (SendTaskFailure on a callback token, the activity
 * listing and deletion). Skipped, saying so, where the AWS CLI or boto3 is not installed.
 */
class CallbacksAwsCliProcessTest {

    private final ServiceCalls calls = new ServiceCalls();
    private StepFunctionsServer server;
    private SfnClient sfn;

    @BeforeEach
    void start() {
        server = StepFunctionsServer.start(new ServerOptions("127.0.0.1", 0, null, null), calls, Clock.systemUTC());
        sfn = ServerFixture.client(server.endpoint());
    }

    @AfterEach
    void stop() {
        sfn.close();
        server.close();
    }

    /** Runs {@code script} with bash in a clean AWS environment (the README's export line); returns its output. */
    private static String bash(String script) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", "set -euo pipefail\n" + script).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("AWS_"));
        env.putAll(Map.of("AWS_DEFAULT_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", "local", "AWS_SECRET_ACCESS_KEY", "local",
                "AWS_DISABLE_HOST_PREFIX_INJECTION", "true", "AWS_CONFIG_FILE", "/nonexistent",
                "AWS_SHARED_CREDENTIALS_FILE", "/nonexistent"));
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the script ended").isTrue();
        String text = new String(out, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(script + "\n" + text).isZero();
        return text;
    }

    private static boolean installed(String check) {
        try {
            return new ProcessBuilder("bash", "-c", check).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** The README's {@code sh} block of the activity worker, its endpoint this server's. */
    private String readmeWorkerBlock() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("README.md"));
        int intro = lines.indexOf(lines.stream().filter(line -> line.startsWith("An activity worker with the AWS CLI"))
                .findFirst().orElseThrow(() -> new AssertionError("the README no longer shows the activity worker")));
        int open = lines.subList(intro, lines.size()).indexOf("```sh") + intro;
        int close = lines.subList(open + 1, lines.size()).indexOf("```") + open + 1;
        return String.join("\n", lines.subList(open + 1, close)).replace("http://127.0.0.1:8083", server.endpoint().toString());
    }

    @Test
    void the_readmes_activity_worker_runs_with_the_aws_cli() throws Exception {
        assumeTrue(installed("command -v aws"), "the AWS CLI is not installed here; this test needs it");

        bash(readmeWorkerBlock());

        String execution = "arn:aws:states:us-east-1:123456789012:execution:Reviewed:first";
        assertThat(server.finished(execution).get(10, TimeUnit.SECONDS)).isEqualTo("SUCCEEDED");
        assertThat(sfn.describeExecution(r -> r.executionArn(execution)).output()).isEqualTo("{\"tasted\":true}");
        List<HistoryEvent> history = sfn.getExecutionHistory(r -> r.executionArn(execution)).events();
        assertThat(history).extracting(HistoryEvent::typeAsString).containsSubsequence("ActivityScheduled",
                "ActivityStarted", "ActivitySucceeded");
        assertThat(history.get(3).activityStartedEventDetails().workerName()).isEqualTo("me");
    }

    @Test
    void boto3_fails_a_callback_task_and_lists_and_deletes_activities() throws Exception {
        assumeTrue(installed("python3 -c 'import boto3'"), "boto3 is not installed here; this test needs it");
        sfn.createActivity(r -> r.name("Pack"));
        String machine = sfn.createStateMachine(r -> r.name("Notify").roleArn(ServerFixture.ROLE).definition("""
                {"StartAt":"Ask","States":{"Ask":{"Type":"Task","Resource":"arn:aws:states:::sns:publish.waitForTaskToken",
                  "Parameters":{"TopicArn":"arn:aws:sns:us-east-1:123456789012:approvals","Message.$":"$$.Task.Token"},
                  "End":true}}}""")).stateMachineArn();
        String execution = sfn.startExecution(r -> r.stateMachineArn(machine)).executionArn();
        String token = calls.next().parameters().get("Message").asText();

        String out = bash("""
                python3 - <<'PY'
                import boto3
                sfn = boto3.client("stepfunctions", endpoint_url="%s")
                sfn.send_task_failure(taskToken="%s", error="Approval.Denied", cause="not today")
                try:
                    sfn.send_task_success(taskToken="%s", output="{}")
                except sfn.exceptions.TaskTimedOut:
                    print("closed")
                arn = sfn.list_activities()["activities"][0]["activityArn"]
                print(sfn.describe_activity(activityArn=arn)["name"])
                sfn.delete_activity(activityArn=arn)
                print(len(sfn.list_activities()["activities"]))
                PY""".formatted(server.endpoint(), token, token));

        assertThat(out.lines().toList()).containsExactly("closed", "Pack", "0");
        assertThat(server.finished(execution).get(10, TimeUnit.SECONDS)).isEqualTo("FAILED");
        assertThat(sfn.describeExecution(r -> r.executionArn(execution)).error()).isEqualTo("Approval.Denied");
    }
}
