package appliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GraphCommandTest {

    @Test
    void the_workflow_is_drawn_as_mermaid_by_default() {
        CommandRun run = CommandRun.of("graph", "--definition", root() + "/statemachine/cook-workflow.asl.json");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("flowchart TD").contains("\"Classify cook\"", "{\"Did the cook end early?\"}");
    }

    @Test
    void dot_is_drawn_on_request() {
        CommandRun run = CommandRun.of("graph", "--format", "dot", "--definition",
                root() + "/statemachine/cook-workflow.asl.json");

        assertThat(run.out()).startsWith("digraph StateMachine {");
    }

    @Test
    void a_missing_file_is_one_line_naming_it_with_exit_code_2() {
        CommandRun run = CommandRun.of("graph", "--definition", "no/such/definition.json");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("bin/appliance graph: no such file: no/such/definition.json" + System.lineSeparator());
    }

    @Test
    void the_readmes_diagram_is_the_graph_of_the_current_definition() throws Exception {
        CommandRun run = CommandRun.of("graph", "--definition", root() + "/statemachine/cook-workflow.asl.json");

        String readme = java.nio.file.Files.readString(java.nio.file.Path.of(root(), "README.md"));
        assertThat(readme).as("README.md's mermaid diagram; regenerate it with bin/appliance graph")
                .contains("```mermaid\n" + run.out() + "```");
    }

    private static String root() {
        return System.getProperty("project.root");
    }
}
