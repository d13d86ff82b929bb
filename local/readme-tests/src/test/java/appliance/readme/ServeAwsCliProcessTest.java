package appliance.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code bin/appliance serve} and the README's AWS CLI commands against it, each run by bash as a user
 * would, after the README's one {@code export} line (region, placeholder credentials, no host prefix).
 * Skipped, saying so, where the AWS CLI is not installed.
 */
class ServeAwsCliProcessTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void theAwsCliIsInstalled() {
        assumeTrue(UserProcess.of("bash", "-c", "command -v aws").run().exitCode() == 0,
                "the AWS CLI is not installed here (pip install awscli, or AWS's installer); the serve + AWS CLI tests need it");
    }

    private static String exportLine() {
        return Readme.load().commands().stream().filter(command -> command.startsWith("export AWS_")).findFirst()
                .orElseThrow(() -> new AssertionError("the README no longer says which region and credentials the AWS CLI needs"));
    }

    /** The command as the README writes it, on this server's port, after the README's export line, in a fresh environment. */
    private static ProcessResult runAws(RunningServe serve, String readmeCommand) {
        return UserProcess.of("env", "-u", "AWS_DEFAULT_REGION", "-u", "AWS_REGION", "-u", "AWS_PROFILE",
                "AWS_CONFIG_FILE=/nonexistent", "AWS_SHARED_CREDENTIALS_FILE=/nonexistent",
                "bash", "-c", exportLine() + "\n" + serve.onThisPort(readmeCommand)).run();
    }

    private static JsonNode aws(RunningServe serve, String readmeCommand) throws Exception {
        ProcessResult run = runAws(serve, readmeCommand);
        assertThat(run.exitCode()).as(readmeCommand + "\n" + run.describe()).isZero();
        return JSON.readTree(run.out());
    }

    @Test
    void the_readmes_aws_cli_commands_work_on_a_fresh_machine() throws Exception {
        try (RunningServe serve = RunningServe.start()) {
            JsonNode machines = aws(serve, ReadmeCoverageTest.tested("aws stepfunctions list-state-machines"));
            JsonNode started = aws(serve, ReadmeCoverageTest.tested("aws stepfunctions start-execution"));
            JsonNode created = aws(serve, ReadmeCoverageTest.tested("aws stepfunctions create-state-machine"));

            assertThat(machines.get("stateMachines")).extracting(machine -> machine.get("name").asText()).contains("CookWorkflow");
            assertThat(started.get("executionArn").asText()).startsWith("arn:aws:states:us-east-1:123456789012:execution:CookWorkflow:");
            assertThat(created.get("stateMachineArn").asText()).isEqualTo("arn:aws:states:us-east-1:123456789012:stateMachine:Hello");
        }
    }

    /**
     * StartSyncExecution needs an AWS CLI that honours AWS_DISABLE_HOST_PREFIX_INJECTION (botocore and AWS CLI v2
     * since early 2025; Debian 12's awscli 2.9 predates it, and puts {@code sync-} before 127.0.0.1 whatever the
     * variable says). With such a CLI the test is skipped, naming the version, instead of failing on the CLI.
     */
    @Test
    void start_sync_execution_works_through_an_aws_cli_that_honours_the_host_prefix_setting() throws Exception {
        try (RunningServe serve = RunningServe.start()) {
            aws(serve, ReadmeCoverageTest.tested("aws stepfunctions create-state-machine"));
            ProcessResult sync = runAws(serve, ReadmeCoverageTest.tested("aws stepfunctions start-sync-execution"));
            assumeTrue(sync.exitCode() == 0 || !(sync.err() + sync.out()).contains("sync-127.0.0.1"),
                    "the installed AWS CLI (" + awsVersion() + ") ignores AWS_DISABLE_HOST_PREFIX_INJECTION and sends"
                            + " StartSyncExecution to sync-127.0.0.1; the README's recipe needs an AWS CLI from 2025 or later");
            assertThat(sync.exitCode()).as(sync.describe()).isZero();
            JsonNode synced = JSON.readTree(sync.out());

            assertThat(synced.get("status").asText()).isEqualTo("SUCCEEDED");
            assertThat(synced.get("output").asText()).isEqualTo("\"hello\"");
        }
    }

    private static String awsVersion() {
        ProcessResult version = UserProcess.of("aws", "--version").run();
        return (version.out() + version.err()).strip();
    }
}
