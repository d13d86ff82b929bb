package appliance.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The README's "Runtimes and isolation" commands, as a user runs them. */
class RuntimesProcessTest {

    private static final String SEED = "bin/appliance run --template examples/seed-nodejs/template.yaml"
            + " examples/seed-nodejs/events/sns-preset-ended-early.json";
    private static final String PROCESS = "bin/appliance run --isolation process events/preset-ended-early.json";

    @Test
    void the_seeds_nodejs_handler_answers_the_seeds_sns_event() {
        assumeTrue(onPath("node"), "node is not installed (apt-get install nodejs): skipped");

        ProcessResult run = UserProcess.readme(ReadmeCoverageTest.tested(SEED)).run();

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.out()).contains("-> MicrowaveEventsTopic", "lambda SeedMicrowaveFunction",
                "[SeedMicrowaveFunction] \"User ended popcorn preset early\"");
    }

    @Test
    void the_java_functions_run_through_aws_runtime_interface_client_in_processes_of_their_own() {
        ProcessResult run = UserProcess.readme(ReadmeCoverageTest.tested(PROCESS)).run();

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.out()).contains("\"outcome\":\"EARLY_END_PRESET\"", "Init Duration")
                .containsPattern("(?m)^  SUCCEEDED ");
    }

    private static boolean onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(folder -> Files.isExecutable(Path.of(folder, command)));
    }
}
