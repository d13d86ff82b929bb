package appliance.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSONata edition of the definition is well formed and plugs into the template like the JSONPath one. */
class JsonataEditionTest {

    private final JsonNode jsonata = WorkflowDefinition.read("statemachine/cook-workflow.jsonata.asl.json");
    private final JsonNode jsonPath = WorkflowDefinition.definition();

    @Test
    void it_is_jsonata_and_takes_the_same_substitutions() {
        assertThat(jsonata.get("QueryLanguage").asText()).isEqualTo("JSONata");
        assertThat(WorkflowDefinition.placeholders(jsonata)).isEqualTo(WorkflowDefinition.placeholders(jsonPath));
    }

    @Test
    void every_state_is_reachable_every_transition_exists_and_every_state_has_a_comment() {
        JsonNode states = jsonata.get("States");
        List<String> names = new ArrayList<>();
        states.fieldNames().forEachRemaining(names::add);
        assertThat(WorkflowDefinition.reachableStates(jsonata)).containsExactlyInAnyOrderElementsOf(names);
        for (Map.Entry<String, JsonNode> state : states.properties()) {
            assertThat(WorkflowDefinition.successors(state.getValue())).allSatisfy(next -> assertThat(states.has(next)).isTrue());
            assertThat(state.getValue().path("Comment").asText()).as(state.getKey()).isNotBlank();
        }
    }

    @Test
    void its_tasks_have_the_same_names_so_the_mock_test_cases_fit_it_too() {
        List<String> tasks = new ArrayList<>();
        jsonata.get("States").properties().forEach(state -> {
            if (state.getValue().get("Type").asText().equals("Task")) {
                tasks.add(state.getKey());
            }
        });
        assertThat(tasks).containsExactlyInAnyOrder("Classify cook", "Notify owner", "Record cook", "Record rejected event");
    }
}
