package appliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/appliance run --s3-dir: a Distributed Map of the template reads its items from a folder of buckets. */
class RunWithS3Test {

    @TempDir
    Path project;

    private Path template() throws Exception {
        Path file = project.resolve("template.yaml");
        Files.writeString(file, """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Fan:
                    Type: AWS::Serverless::StateMachine
                    Properties:
                      Name: Fan
                      Definition:
                        StartAt: M
                        States:
                          M:
                            Type: Map
                            End: true
                            ItemReader:
                              Resource: arn:aws:states:::s3:getObject
                              ReaderConfig: {InputType: JSON}
                              Parameters: {Bucket: inbox, Key: items.json}
                            ItemProcessor:
                              ProcessorConfig: {Mode: DISTRIBUTED, ExecutionType: STANDARD}
                              StartAt: P
                              States:
                                P: {Type: Pass, End: true}
                """);
        return file;
    }

    @Test
    void a_distributed_maps_item_reader_reads_the_bucket_folder_s3_dir_names() throws Exception {
        Path buckets = project.resolve("buckets");
        Files.createDirectories(buckets.resolve("inbox"));
        Files.writeString(buckets.resolve("inbox/items.json"), "[{\"n\":1},{\"n\":2}]");
        Path event = Files.writeString(project.resolve("event.json"), "{}");

        CommandRun run = CommandRun.of("run", "--template", template().toString(), "--s3-dir", buckets.toString(),
                "--json", event.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode execution = JsonFiles.JSON.readTree(run.out().lines().findFirst().orElseThrow());
        assertThat(execution.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(execution.get("output")).isEqualTo(JsonFiles.JSON.readTree("[{\"n\":1},{\"n\":2}]"));
    }

    @Test
    void s3_dir_and_s3_endpoint_together_are_refused_before_anything_runs() throws Exception {
        Path event = Files.writeString(project.resolve("event.json"), "{}");

        CommandRun run = CommandRun.of("run", "--template", template().toString(), "--s3-dir", project.toString(),
                "--s3-endpoint", "http://127.0.0.1:9", event.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("give --s3-dir or --s3-endpoint, not both");
    }
}
