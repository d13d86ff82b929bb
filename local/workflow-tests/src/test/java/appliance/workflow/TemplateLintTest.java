package appliance.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** template.yaml passes AWS's CloudFormation linter with no error or warning, where the linter is installed. */
class TemplateLintTest {

    private static boolean onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (new File(dir, command).canExecute()) {
                return true;
            }
        }
        return false;
    }

    @Test
    void cfn_lint_finds_nothing_in_the_template() throws IOException, InterruptedException {
        assumeTrue(onPath("cfn-lint"), "cfn-lint is not installed");
        Process lint = new ProcessBuilder("cfn-lint", "template.yaml")
                .directory(WorkflowDefinition.file(".").toFile())
                .redirectErrorStream(true)
                .start();
        String report = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean finished = lint.waitFor(5, TimeUnit.MINUTES);

        assertThat(finished).as("cfn-lint finished").isTrue();
        assertThat(report).as("cfn-lint's report").isEmpty();
        assertThat(lint.exitValue()).isZero();
    }
}
