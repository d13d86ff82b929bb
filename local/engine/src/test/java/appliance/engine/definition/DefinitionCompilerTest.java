package appliance.engine.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import appliance.engine.error.DefinitionProblem;
import appliance.engine.error.InvalidDefinitionException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class DefinitionCompilerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<DefinitionProblem> problems(String definition) throws Exception {
        InvalidDefinitionException e = catchThrowableOfType(InvalidDefinitionException.class,
                () -> StateMachineDefinition.compile(JSON.readTree(definition)));
        assertThat(e).as("the definition should be rejected").isNotNull();
        return e.problems();
    }

    @Test
    void a_valid_definition_compiles_to_state_records() throws Exception {
        StateMachineDefinition machine = StateMachineDefinition.compile(JSON.readTree("""
                {"StartAt":"A","TimeoutSeconds":30,"States":{
                  "A":{"Type":"Pass","Next":"B"},
                  "B":{"Type":"Task","Resource":"arn:aws:states:::sns:publish","Retry":[{"ErrorEquals":["X"]}],"End":true}}}"""));
        assertThat(machine.startAt()).isEqualTo("A");
        assertThat(machine.timeoutSeconds()).isEqualTo(30);
        assertThat(machine.state("A")).isInstanceOf(PassState.class);
        TaskState task = (TaskState) machine.state("B");
        assertThat(task.errorHandling().retriers().get(0))
                .isEqualTo(new Retrier(List.of("X"), 1.0, 3, 2.0, null, false));
        assertThat(task.transition().isEnd()).isTrue();
    }

    @Test
    void every_problem_is_reported_at_once_with_its_location() throws Exception {
        List<DefinitionProblem> found = problems("""
                {"States":{
                  "A":{"Type":"Pass","Next":"Nowhere","End":true},
                  "B":{"Type":"Pass","InputPath":"not a path","End":true},
                  "C":{"Type":"Task","Resource":"arn:x","End":true,
                       "Catch":[{"ErrorEquals":["States.ALL"],"Next":"A"},{"ErrorEquals":["X"],"Next":"A"}]}}}""");
        assertThat(found).extracting(DefinitionProblem::location).contains(
                "/", "/States/A/Next", "/States/A", "/States/B/InputPath", "/States/C/Catch[0]/ErrorEquals");
        assertThat(found).anySatisfy(p -> {
            assertThat(p.code()).isEqualTo("MISSING_TRANSITION_TARGET");
            assertThat(p.message()).isEqualTo("Missing 'Next' target: Nowhere");
        });
    }

    @Test
    void unreachable_states_are_problems() throws Exception {
        List<DefinitionProblem> found = problems("""
                {"StartAt":"A","States":{"A":{"Type":"Succeed"},"Orphan":{"Type":"Pass","End":true}}}""");
        assertThat(found).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("MISSING_TRANSITION_TARGET");
            assertThat(p.describe()).isEqualTo("MISSING_TRANSITION_TARGET: State \"Orphan\" is not reachable. at /States/Orphan");
        });
    }

    @Test
    void nested_branches_are_validated_with_their_full_location() throws Exception {
        List<DefinitionProblem> found = problems("""
                {"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[
                  {"StartAt":"X","States":{"X":{"Type":"Pass","Next":"Y"}}}]}}}""");
        // The branch has no terminal state either: MISSING_END_STATE, which AWS gives no location.
        assertThat(found).extracting(DefinitionProblem::location).containsExactly("/States/P/Branches[0]/States/X/Next", null);
    }

    @Test
    void a_loop_with_no_terminal_state_is_missing_an_end_state_with_no_location() throws Exception {
        List<DefinitionProblem> found = problems("""
                {"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Pass","Next":"A"},
                  "Orphan":{"Type":"Pass","Next":"A"}}}""");
        // As at AWS: the missing end state is reported alone, without the unreachable state.
        assertThat(found).extracting(DefinitionProblem::describe).containsExactly("MISSING_END_STATE: Workflow has no terminal state");
    }

    @Test
    void array_items_are_located_with_brackets_as_aws_writes_them() throws Exception {
        List<DefinitionProblem> found = problems("""
                {"StartAt":"C","States":{"C":{"Type":"Choice","Default":"E",
                  "Choices":[{"Variable":"$.x","IsPresent":true,"Next":"Nope"}]},"E":{"Type":"Succeed"}}}""");
        assertThat(found).extracting(DefinitionProblem::describe)
                .containsExactly("MISSING_TRANSITION_TARGET: Missing 'Next' target: Nope at /States/C/Choices[0]/Next");
    }

    @Test
    void unknown_fields_and_types_are_rejected() throws Exception {
        List<DefinitionProblem> found = problems("""
                {"StartAt":"A","States":{"A":{"Type":"Pass","Foo":1,"End":true},"B":{"Type":"Nope"}}}""");
        assertThat(found).extracting(DefinitionProblem::location).contains("/States/A/Foo", "/States/B/Type");
    }

    @Test
    void the_message_reads_as_aws_invalid_definition() {
        InvalidDefinitionException e = catchThrowableOfType(InvalidDefinitionException.class,
                () -> StateMachineDefinition.compile(JSON.readTree("{\"StartAt\":\"X\",\"States\":{\"A\":{\"Type\":\"Succeed\"}}}")));
        assertThat(e.getMessage()).isEqualTo(
                "Invalid State Machine Definition: 'MISSING_TRANSITION_TARGET: Missing 'Next' target: X at /StartAt'");
    }

    @Test
    void result_path_writes_fields_and_refuses_to_write_through_a_non_object() throws Exception {
        ResultPathTarget target = ResultPathTarget.parse("$.a['b c'].d");
        assertThat(target.fields()).containsExactly("a", "b c", "d");
        assertThat(target.apply(JSON.readTree("{\"a\":{\"x\":1}}"), JSON.readTree("2")))
                .isEqualTo(JSON.readTree("{\"a\":{\"x\":1,\"b c\":{\"d\":2}}}"));
        assertThat(catchThrowableOfType(DataFlowException.class,
                () -> target.apply(JSON.readTree("{\"a\":5}"), JSON.readTree("2")))).isNotNull();
    }
}
