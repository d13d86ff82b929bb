package appliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import appliance.runtime.app.LocalOptions;
import appliance.runtime.template.SamTemplate;
import appliance.runtime.template.TemplateSettings;
import appliance.server.ServerOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import org.junit.jupiter.api.io.TempDir;

/** states:startExecution from a Task reaches the server itself unless STEP_FUNCTIONS_ENDPOINT says otherwise. */
class NestedStartExecutionTest {

    @TempDir
    Path folder;

    /** The execution as DescribeExecution gives it, for a failure's message. */
    private static String describe(TemplateServer running, String executionArn) {
        try (SfnClient sfn = SfnClient.builder().endpointOverride(running.server().endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            var described = sfn.describeExecution(r -> r.executionArn(executionArn));
            return described.status() + " " + described.error() + ": " + described.cause();
        }
    }

    @Test
    void a_task_starts_another_execution_on_the_same_server_fire_and_forget() throws Exception {
        try (TemplateServer running = TemplateServer.start(ServerOptions.inMemory(0),
                SamTemplate.empty(folder, TemplateSettings.defaults()), LocalOptions.defaults(), Clock.systemUTC())) {
            String child = running.server().registerStateMachine("Child",
                    "{\"StartAt\":\"Done\",\"States\":{\"Done\":{\"Type\":\"Pass\",\"End\":true}}}", "STANDARD", running.application().taskInvoker());
            String parent = running.server().registerStateMachine("Parent", """
                    {"StartAt": "Start child", "States": {"Start child": {"Type": "Task",
                      "Resource": "arn:aws:states:::states:startExecution",
                      "Parameters": {"StateMachineArn": "%s", "Name": "child-1", "Input": {"from.$": "$.from"}},
                      "End": true}}}""".formatted(child), "STANDARD", running.application().taskInvoker());

            String parentRun = running.server().startExecution(parent, "parent-1", "{\"from\": \"parent\"}");
            String status = running.server().finished(parentRun).get(60, TimeUnit.SECONDS);
            assertThat(status).as(() -> describe(running, parentRun)).isEqualTo("SUCCEEDED");
            String childStatus = running.server().finished(child.replace(":stateMachine:", ":execution:") + ":child-1")
                    .get(60, TimeUnit.SECONDS);

            assertThat(status).isEqualTo("SUCCEEDED");
            assertThat(childStatus).isEqualTo("SUCCEEDED");
        }
    }
}
