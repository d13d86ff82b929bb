package appliance.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * S3 on {@code serve}'s port, as local/server's README shows it: the AWS CLI makes a bucket and copies a JSONL
 * file into it, a Distributed Map's ItemReader reads that file, the CLI lists and copies back its ResultWriter's
 * output. Skipped, saying so, where the AWS CLI is not installed.
 */
class ServeS3ProcessTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The server README's commands, in its order (the test checks the README still shows each). */
    private static final List<String> COMMANDS = List.of(
            "aws s3 mb s3://inbox --endpoint-url http://127.0.0.1:8083",
            "aws s3 cp items.jsonl s3://inbox/items.jsonl --endpoint-url http://127.0.0.1:8083",
            "aws s3 ls s3://results --recursive --endpoint-url http://127.0.0.1:8083",
            "aws s3 cp s3://results/ results --recursive --endpoint-url http://127.0.0.1:8083");

    private static final String MACHINE = """
            {"StartAt": "Each", "States": {"Each": {"Type": "Map", "End": true,
              "ItemReader": {"Resource": "arn:aws:states:::s3:getObject", "ReaderConfig": {"InputType": "JSONL"},
                             "Parameters": {"Bucket": "inbox", "Key": "items.jsonl"}},
              "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
                                "StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}},
              "ResultWriter": {"Resource": "arn:aws:states:::s3:putObject", "Parameters": {"Bucket": "results", "Prefix": "out"}}}}}
            """;

    @TempDir
    Path work;

    @BeforeAll
    static void theAwsCliIsInstalled() {
        assumeTrue(UserProcess.of("bash", "-c", "command -v aws").run().exitCode() == 0,
                "the AWS CLI is not installed here (pip install awscli, or AWS's installer); the serve + S3 test needs it");
    }

    private ProcessResult aws(RunningServe serve, String command) {
        ProcessResult run = UserProcess.of("env", "-u", "AWS_PROFILE", "AWS_CONFIG_FILE=/nonexistent",
                "AWS_SHARED_CREDENTIALS_FILE=/nonexistent", "AWS_DEFAULT_REGION=us-east-1", "AWS_ACCESS_KEY_ID=local",
                "AWS_SECRET_ACCESS_KEY=local", "bash", "-c", "cd '" + work + "' && " + serve.onThisPort(command)).run();
        assertThat(run.exitCode()).as(command + "\n" + run.describe()).isZero();
        return run;
    }

    @Test
    void the_cli_puts_a_distributed_maps_input_and_reads_its_results_on_serves_port() throws Exception {
        String readme = Files.readString(UserProcess.root().resolve("local/server/README.md"));
        assertThat(COMMANDS).allSatisfy(command -> assertThat(readme).as("local/server/README.md").contains(command));
        Files.writeString(work.resolve("items.jsonl"), "{\"n\":1}\n{\"n\":2}\n{\"n\":3}\n");
        Path buckets = work.resolve("buckets");

        try (RunningServe serve = RunningServe.start("--s3-dir", buckets.toString())) {
            aws(serve, COMMANDS.get(0));
            aws(serve, COMMANDS.get(1));
            assertThat(Files.readString(buckets.resolve("inbox/items.jsonl"))).startsWith("{\"n\":1}");
            aws(serve, "aws s3 mb s3://results --endpoint-url http://127.0.0.1:8083");
            String arn = serve.call("CreateStateMachine", JSON.createObjectNode().put("name", "Fan").put("definition", MACHINE)
                    .put("roleArn", "arn:aws:iam::123456789012:role/R")).get("stateMachineArn").asText();
            ObjectNode start = JSON.createObjectNode().put("stateMachineArn", arn).put("input", "{}");
            JsonNode ended = serve.untilEnded(serve.call("StartExecution", start).get("executionArn").asText());
            assertThat(ended.get("status").asText()).as(ended.toString()).isEqualTo("SUCCEEDED");

            String listed = aws(serve, COMMANDS.get(2)).out();
            assertThat(listed).contains("manifest.json");
            aws(serve, COMMANDS.get(3));
            try (var files = Files.walk(work.resolve("results"))) {
                String succeeded = files.filter(file -> file.getFileName().toString().startsWith("SUCCEEDED"))
                        .map(file -> readString(file)).findFirst().orElseThrow();
                assertThat(succeeded).contains("{\\\"n\\\":1}").contains("{\\\"n\\\":3}");
            }
        }
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
