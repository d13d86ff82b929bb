package appliance.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * AWS's makefile Step Functions Local sample, in our own words: make drives the AWS CLI against the jar,
 * which serves this project's template from a folder outside the repository; the makefile creates a user's
 * machine and runs its mock test cases; {@code aws events put-events --endpoint-url} starts the cook
 * workflow through the template's EventBridge rule, and {@code aws sns publish --endpoint-url} through the
 * template's ingest topic and its starter function. Skipped where make or the AWS CLI is absent (.ci/run
 * installs them).
 */
class AwsCliMakefileIT {

    private static final String COOK_WORKFLOW = "arn:aws:states:us-east-1:123456789012:stateMachine:CookWorkflow";

    @TempDir
    Path folder;

    @Test
    void make_runs_the_mock_test_cases_and_put_events_and_sns_publish_start_the_cook_workflow() throws Exception {
        assumeTrue(Processes.onPath("make") && Processes.onPath("aws"),
                "make or the AWS CLI is not installed (apt-get install make awscli): skipped");
        Path repository = Path.of(System.getProperty("project.root"));
        Path project = UsersProject.copyTo(folder.resolve("greeter"));
        Path sample = Files.createDirectories(folder.resolve("cli-sample"));
        Files.copy(Path.of(getClass().getResource("/cli-sample/Makefile").toURI()), sample.resolve("Makefile"));
        Files.copy(project.resolve("statemachine/greeter.asl.json"), sample.resolve("greeter.asl.json"));
        Files.copy(project.resolve("events/fr.json"), sample.resolve("fr.json"));
        Files.copy(repository.resolve("events/put-events/cook-ended-entries.json"), sample.resolve("cook-ended-entries.json"));
        Files.copy(repository.resolve("events/custom-ended-early.json"), sample.resolve("cook-event.json"));
        Map<String, String> settings = Map.of("SFN_MOCK_CONFIG", project.resolve("statemachine/test/MockConfigFile.json").toString());

        try (LocalJar jar = LocalJar.serve(folder, settings, "--in-memory", "--template", repository.resolve("template.yaml").toString());
                SfnClient sfn = Clients.sfn(jar.endpoint())) {
            Processes.Result make = Processes.run(sample, Map.of("AWS_ACCESS_KEY_ID", "local", "AWS_SECRET_ACCESS_KEY", "local",
                    "AWS_PAGER", ""), List.of("make", "ENDPOINT=" + jar.endpoint(), "run-FrenchDelivered",
                    "run-FrenchUndeliverable", "put-events", "publish"));

            assertThat(make.exitCode()).as(make.output()).isZero();
            String greeter = Files.readString(sample.resolve("machine.arn")).strip();
            assertThat(ended(sfn, greeter.replace(":stateMachine:", ":execution:") + ":FrenchDelivered").status())
                    .isEqualTo(ExecutionStatus.SUCCEEDED);
            DescribeExecutionResponse undeliverable = ended(sfn, greeter.replace(":stateMachine:", ":execution:") + ":FrenchUndeliverable");
            assertThat(undeliverable.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(undeliverable.error()).isEqualTo("Delivery.NoMailbox");
            assertThat(make.output()).as("put-events' FailedEntryCount").contains("\n0\n");
            List<String> cooks = sfn.listExecutions(r -> r.stateMachineArn(COOK_WORKFLOW)).executions().stream()
                    .map(execution -> execution.executionArn()).toList();
            assertThat(cooks).as("the two cook events of the three entries matched the template's rule; the SNS message "
                    + "ran the starter function").hasSize(3);
            for (String cook : cooks) {
                assertThat(ended(sfn, cook).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            }
        }
    }

    /**
     * The execution once it has ended, asking the server until it says so (at most a minute): a process
     * outside this JVM offers no completion to wait on.
     */
    private static DescribeExecutionResponse ended(SfnClient sfn, String executionArn) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        DescribeExecutionResponse execution = sfn.describeExecution(r -> r.executionArn(executionArn));
        while (execution.status() == ExecutionStatus.RUNNING && Instant.now().isBefore(deadline)) {
            execution = sfn.describeExecution(r -> r.executionArn(executionArn));
        }
        return execution;
    }
}
