package appliance.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * template.yaml passes AWS's CloudFormation linter with no error or warning, where the linter is installed; and
 * so does what CloudFormation deploys: the template after the SAM transform, made by AWS's aws-sam-translator.
 */
class TemplateLintTest {

    private static final String TRANSFORM_SCRIPT = "local/workflow-tests/src/test/python/sam_transform.py";

    @TempDir
    Path scratch;

    private static boolean onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (new File(dir, command).canExecute()) {
                return true;
            }
        }
        return false;
    }

    private static boolean samTranslatorInstalled() throws IOException, InterruptedException {
        if (!onPath("python3")) {
            return false;
        }
        Process probe = new ProcessBuilder("python3", "-c", "import samtranslator").redirectErrorStream(true).start();
        probe.getInputStream().readAllBytes();
        return probe.waitFor(1, TimeUnit.MINUTES) && probe.exitValue() == 0;
    }

    private record Run(int exitCode, String output) {
    }

    private static Run run(Path output, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of(command)).directory(WorkflowDefinition.file(".").toFile());
        if (output == null) {
            builder.redirectErrorStream(true);
        } else {
            builder.redirectOutput(output.toFile());
        }
        Process process = builder.start();
        String text = new String((output == null ? process.getInputStream() : process.getErrorStream()).readAllBytes(),
                StandardCharsets.UTF_8);
        boolean finished = process.waitFor(5, TimeUnit.MINUTES);
        assertThat(finished).as("%s finished", command[0]).isTrue();
        return new Run(process.exitValue(), text);
    }

    @Test
    void cfn_lint_finds_nothing_in_the_template() throws IOException, InterruptedException {
        assumeTrue(onPath("cfn-lint"), "cfn-lint is not installed");

        Run lint = run(null, "cfn-lint", "template.yaml");

        assertThat(lint.output()).as("cfn-lint's report").isEmpty();
        assertThat(lint.exitCode()).isZero();
    }

    @Test
    void cfn_lint_finds_nothing_in_the_template_as_the_sam_transform_makes_it() throws IOException, InterruptedException {
        assumeTrue(onPath("cfn-lint"), "cfn-lint is not installed");
        assumeTrue(samTranslatorInstalled(), "python3 with aws-sam-translator is not installed");
        Path transformed = scratch.resolve("transformed.json");

        Run transform = run(transformed, "python3", TRANSFORM_SCRIPT, "template.yaml");
        assertThat(transform.exitCode()).as("the SAM transform; its errors: %s", transform.output()).isZero();
        JsonNode resources = WorkflowDefinition.JSON.readTree(transformed.toFile()).get("Resources");
        for (String function : List.of("ClassifyCook", "RecordCook", "StartCookWorkflow")) {
            JsonNode group = resources.get(function + "FunctionDeploymentGroup").get("Properties");
            assertThat(group.at("/AlarmConfiguration/Alarms").toString()).as("%s's deployment group", function)
                    .isEqualTo("[{\"Name\":{\"Ref\":\"" + function + "ErrorsAlarm\"}},{\"Name\":{\"Ref\":\""
                            + function + "ThrottlesAlarm\"}}]");
            assertThat(group.at("/AutoRollbackConfiguration/Events").toString()).contains("DEPLOYMENT_STOP_ON_ALARM");
        }
        Run lint = run(null, "cfn-lint", transformed.toString());

        assertThat(lint.output()).as("cfn-lint's report on the transformed template").isEmpty();
        assertThat(lint.exitCode()).isZero();
    }
}
