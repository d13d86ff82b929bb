package appliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** graph without --definition draws the template's state machine, as in a project that is not this one. */
class GraphOfTemplateTest {

    private static String root() {
        return System.getProperty("project.root");
    }

    @Test
    void the_default_is_the_templates_state_machine_the_same_graph_as_its_definition_file() {
        CommandRun ofTemplate = CommandRun.of("graph", "--template", root() + "/template.yaml");
        CommandRun ofFile = CommandRun.of("graph", "--definition", root() + "/statemachine/cook-workflow.asl.json");

        assertThat(ofTemplate.exitCode()).as(ofTemplate.err()).isZero();
        assertThat(ofTemplate.out()).contains("Classify cook").isEqualTo(ofFile.out());
    }

    @Test
    void with_no_template_and_no_definition_it_says_what_is_missing() {
        CommandRun run = CommandRun.of("graph", "--template", "no/such/template.yaml");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no such template: no/such/template.yaml");
    }
}
