package appliance.engine.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class StateGraphsTest {

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text.replace('\'', '"'));
    }

    private static final String DEFINITION = """
            {'StartAt': 'Classify', 'States': {
              'Classify': {'Type': 'Task', 'Resource': 'x', 'Next': 'Early?',
                           'Catch': [{'ErrorEquals': ['Bad', 'Worse'], 'Next': 'Reject'}]},
              'Early?': {'Type': 'Choice', 'Choices': [
                  {'Variable': '$.outcome', 'StringEquals': 'EARLY', 'Next': 'Fan out'},
                  {'And': [{'Variable': '$.n', 'NumericGreaterThanPath': '$.m'}, {'Variable': '$.p', 'IsPresent': true}],
                   'Next': 'Reject'}],
                 'Default': 'Done'},
              'Fan out': {'Type': 'Parallel', 'End': true, 'Branches': [
                  {'StartAt': 'Email', 'States': {'Email': {'Type': 'Pass', 'End': true}}},
                  {'StartAt': 'Sms', 'States': {'Sms': {'Type': 'Pass', 'End': true}}}]},
              'Reject': {'Type': 'Fail', 'Error': 'Bad'},
              'Done': {'Type': 'Succeed'}}}
            """;

    @Test
    void states_become_nodes_and_every_kind_of_transition_an_edge() throws Exception {
        StateGraph graph = StateGraphs.of(json(DEFINITION));

        assertThat(graph.startAt()).isEqualTo("Classify");
        assertThat(graph.nodes()).extracting(StateGraph.Node::name)
                .containsExactly("Classify", "Early?", "Fan out", "Reject", "Done");
        assertThat(graph.edges()).containsExactly(
                new StateGraph.Edge("Classify", "Early?", StateGraph.EdgeKind.NEXT, null),
                new StateGraph.Edge("Classify", "Reject", StateGraph.EdgeKind.CATCH, "Bad, Worse"),
                new StateGraph.Edge("Early?", "Fan out", StateGraph.EdgeKind.CHOICE, "$.outcome == \"EARLY\""),
                new StateGraph.Edge("Early?", "Reject", StateGraph.EdgeKind.CHOICE, "$.n > $.m and $.p IsPresent true"),
                new StateGraph.Edge("Early?", "Done", StateGraph.EdgeKind.DEFAULT, "Default"));
    }

    @Test
    void parallel_branches_are_nested_graphs_and_terminal_states_are_ends() throws Exception {
        StateGraph graph = StateGraphs.of(json(DEFINITION));

        StateGraph.Node fanOut = graph.nodes().get(2);
        assertThat(fanOut.branches()).extracting(StateGraph::startAt).containsExactly("Email", "Sms");
        assertThat(graph.nodes()).filteredOn(StateGraph.Node::end).extracting(StateGraph.Node::name)
                .containsExactly("Fan out", "Reject", "Done");
    }

    @Test
    void mermaid_draws_choices_as_diamonds_catches_dashed_and_branches_as_subgraphs() throws Exception {
        String mermaid = MermaidDiagram.render(StateGraphs.of(json(DEFINITION)));

        assertThat(mermaid).startsWith("flowchart TD\n");
        assertThat(mermaid).contains("{\"Early?\"}", "-.->|\"Catch Bad, Worse\"|", "subgraph", "([\"Done\"])",
                "-->|\"$.outcome == #quot;EARLY#quot;\"|");
    }

    @Test
    void dot_draws_a_digraph_with_a_cluster_per_branch() throws Exception {
        String dot = DotDiagram.render(StateGraphs.of(json(DEFINITION)));

        assertThat(dot).startsWith("digraph StateMachine {");
        assertThat(dot).contains("subgraph cluster_0", "subgraph cluster_1", "\"Early?\" [shape=diamond",
                "\"Classify\" -> \"Reject\" [style=dashed, label=\"Catch Bad, Worse\"]");
        assertThat(dot.trim()).endsWith("}");
    }
}
