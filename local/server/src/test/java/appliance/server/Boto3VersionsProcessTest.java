package appliance.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Versions, aliases, tags, RedriveExecution and TestState through boto3, in a Python process, against a server in this JVM. */
class Boto3VersionsProcessTest {

    private final ServerFixture fixture = new ServerFixture();

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void boto3_publishes_versions_routes_aliases_tags_redrives_and_tests_a_state() throws Exception {
        Assumptions.assumeTrue(boto3Imports(), "python3 with boto3 is not installed");
        Path script = dir.resolve("boto3_versions.py");
        try (InputStream in = getClass().getResourceAsStream("/boto3_versions.py")) {
            Files.copy(in, script);
        }
        Path out = dir.resolve("out.txt");
        Process process = new ProcessBuilder("python3", script.toString(), fixture.server.endpoint().toString(),
                ControllableTasks.FAIL)
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the script ended").isTrue();
        String printed = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(printed).isZero();
        JsonNode seen = new ObjectMapper().readTree(printed.lines().reduce((a, b) -> b).orElse("{}"));

        String machine = "arn:aws:states:us-east-1:123456789012:stateMachine:Boto";
        assertThat(seen.get("version").asText()).isEqualTo(machine + ":1");
        assertThat(seen.get("alias").asText()).isEqualTo(machine + ":prod");
        assertThat(seen.get("versions").toString()).isEqualTo("[\"" + machine + ":1\"]");
        assertThat(seen.get("aliasRoutes").get(0).get("weight").asInt()).isEqualTo(100);
        assertThat(seen.get("executionVersion").asText()).isEqualTo(machine + ":1");
        assertThat(seen.get("executionAlias").asText()).isEqualTo(machine + ":prod");
        assertThat(seen.get("output").asText()).isEqualTo("\"v1\"");
        assertThat(seen.get("tags").toString())
                .isEqualTo("[{\"key\":\"team\",\"value\":\"boto\"},{\"key\":\"env\",\"value\":\"test\"}]");
        assertThat(seen.get("redriveCount").asInt()).isEqualTo(1);
        assertThat(seen.get("redrivenStatus").asText()).as("the task fails again").isEqualTo("FAILED");
        assertThat(seen.get("testStatus").asText()).isEqualTo("CAUGHT_ERROR");
        assertThat(seen.get("testNext").asText()).isEqualTo("Recover");
        assertThat(seen.get("testCatchIndex").asInt()).isZero();
    }

    private static boolean boto3Imports() {
        try {
            Process process = new ProcessBuilder("python3", "-c", "import boto3").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(1, TimeUnit.MINUTES) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
