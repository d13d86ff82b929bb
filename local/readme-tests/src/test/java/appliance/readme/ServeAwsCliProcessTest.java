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
    private static JsonNode aws(RunningServe serve, String readmeCommand) throws Exception {
        ProcessResult run = UserProcess.of("env", "-u", "AWS_DEFAULT_REGION", "-u", "AWS_REGION", "-u", "AWS_PROFILE",
                "AWS_CONFIG_FILE=/nonexistent", "AWS_SHARED_CREDENTIALS_FILE=/nonexistent",
                "bash", "-c", exportLine() + "\n" + serve.onThisPort(readmeCommand)).run();
        assertThat(run.exitCode()).as(readmeCommand + "\n" + run.describe()).isZero();
        return JSON.readTree(run.out());
    }

    @Test
    void the_readmes_aws_cli_commands_work_on_a_fresh_machine_start_sync_execution_included() throws Exception {
        try (RunningServe serve = RunningServe.start()) {
            JsonNode machines = aws(serve, ReadmeCoverageTest.tested("aws stepfunctions list-state-machines"));
            JsonNode started = aws(serve, ReadmeCoverageTest.tested("aws stepfunctions start-execution"));
            JsonNode created = aws(serve, ReadmeCoverageTest.tested("aws stepfunctions create-state-machine"));
            JsonNode synced = aws(serve, ReadmeCoverageTest.tested("aws stepfunctions start-sync-execution"));

            assertThat(machines.get("stateMachines")).extracting(machine -> machine.get("name").asText()).contains("CookWorkflow");
            assertThat(started.get("executionArn").asText()).startsWith("arn:aws:states:us-east-1:123456789012:execution:CookWorkflow:");
            assertThat(created.get("stateMachineArn").asText()).isEqualTo("arn:aws:states:us-east-1:123456789012:stateMachine:Hello");
            assertThat(synced.get("status").asText()).isEqualTo("SUCCEEDED");
            assertThat(synced.get("output").asText()).isEqualTo("\"hello\"");
        }
    }
}
