package appliance.readme;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How bin/appliance answers a command line it cannot take, as sam and other shell tools do. */
class CommandLineProcessTest {

    @Test
    void bare_bin_appliance_prints_the_usage_and_exits_2() {
        ProcessResult run = UserProcess.appliance().run();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("Usage: bin/appliance").contains("run", "serve", "invoke");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void a_mistyped_command_gets_one_line_with_what_was_meant() {
        ProcessResult run = UserProcess.appliance("rn", "events/preset-ended-early.json").run();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).containsExactly("bin/appliance: no command 'rn'; did you mean 'run'?",
                "Run 'bin/appliance --help' for the commands.");
    }

    @Test
    void a_mistyped_option_gets_what_was_meant_too() {
        ProcessResult run = UserProcess.appliance("invoke", "ClassifyCookFunction", "--quite").run();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("bin/appliance invoke: unknown argument '--quite'; did you mean '--quiet'?");
    }

    @Test
    void version_names_the_tool() {
        ProcessResult run = UserProcess.appliance("--version").run();

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().strip()).isEqualTo("appliance 1.0.0-SNAPSHOT");
    }
}
