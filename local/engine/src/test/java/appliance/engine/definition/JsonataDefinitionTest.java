package appliance.engine.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import appliance.engine.error.DefinitionProblem;
import appliance.engine.error.InvalidDefinitionException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Loading JSONata definitions: what compiles to what, and what is refused where. */
class JsonataDefinitionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static StateMachineDefinition compile(String definition) throws Exception {
        return StateMachineDefinition.compile(JSON.readTree(definition));
    }

    private static List<DefinitionProblem> problems(String definition) throws Exception {
        InvalidDefinitionException e = catchThrowableOfType(InvalidDefinitionException.class, () -> compile(definition));
        assertThat(e).as("the definition should be rejected").isNotNull();
        return e.problems();
    }

    @Test
    void a_jsonata_state_compiles_its_fields_once_into_a_jsonata_flow() throws Exception {
        StateMachineDefinition machine = compile("""
                {"QueryLanguage":"JSONata","StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::x",
                  "Arguments":{"a":"{% $states.input.a %}"},"Output":"{% $states.result %}","TimeoutSeconds":"{% 5 %}",
                  "HeartbeatSeconds":3,"Assign":{"v":1},"End":true}}}""");
        TaskState task = (TaskState) machine.state("T");
        JsonataFlow flow = (JsonataFlow) task.processing();
        assertThat(flow.fields()).containsOnlyKeys("Arguments", "Output", "TimeoutSeconds", "Assign");
        assertThat(task.timeoutSeconds()).isNull();
        assertThat(task.heartbeatSeconds()).isEqualTo(3);
    }

    @Test
    void a_state_without_query_language_inherits_the_machines() throws Exception {
        StateMachineDefinition machine = compile("""
                {"StartAt":"A","States":{"A":{"Type":"Pass","QueryLanguage":"JSONata","Next":"B"},
                  "B":{"Type":"Pass","End":true}}}""");
        assertThat(machine.state("A").processing()).isInstanceOf(JsonataFlow.class);
        assertThat(machine.state("B").processing()).isInstanceOf(DataFlow.class);
    }

    @Test
    void jsonpath_fields_in_a_jsonata_state_are_problems_at_their_location() throws Exception {
        List<DefinitionProblem> found = problems("""
                {"QueryLanguage":"JSONata","StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:x",
                  "InputPath":"$.a","Parameters":{"b.$":"$.b"},"ResultSelector":{},"ResultPath":"$.r","OutputPath":"$",
                  "TimeoutSecondsPath":"$.t","End":true}}}""");
        assertThat(found).allSatisfy(p -> {
            assertThat(p.code()).isEqualTo("SCHEMA_VALIDATION_FAILED");
            assertThat(p.location()).isEqualTo("/States/T");
        });
        assertThat(found).extracting(DefinitionProblem::message).containsExactly(
                "The QueryLanguage is set to 'JSONata', but field 'InputPath' is only supported for the 'JSONPath' QueryLanguage",
                "The QueryLanguage is set to 'JSONata', but field 'OutputPath' is only supported for the 'JSONPath' QueryLanguage",
                "The QueryLanguage is set to 'JSONata', but field 'ResultPath' is only supported for the 'JSONPath' QueryLanguage",
                "The QueryLanguage is set to 'JSONata', but field 'Parameters' is only supported for the 'JSONPath' QueryLanguage",
                "The QueryLanguage is set to 'JSONata', but field 'ResultSelector' is only supported for the 'JSONPath' QueryLanguage",
                "The QueryLanguage is set to 'JSONata', but field 'TimeoutSecondsPath' is only supported for the 'JSONPath' QueryLanguage");
    }

    @Test
    void jsonata_fields_in_a_jsonpath_state_are_problems_at_the_state() throws Exception {
        List<DefinitionProblem> found = problems("""
                {"StartAt":"P","States":{"P":{"Type":"Pass","Output":{"a":1},"Bogus":1,"End":true}}}""");
        assertThat(found).extracting(DefinitionProblem::message, DefinitionProblem::location).containsExactly(
                org.assertj.core.groups.Tuple.tuple("The QueryLanguage is set to 'JSONPath', but field 'Output' is only "
                        + "supported for the 'JSONata' QueryLanguage", "/States/P"),
                org.assertj.core.groups.Tuple.tuple("Field 'Bogus' is not supported", "/States/P/Bogus"));
    }

    @Test
    void a_jsonpath_state_in_a_jsonata_machine_is_refused_and_only_that_is_said() throws Exception {
        List<DefinitionProblem> found = problems("""
                {"QueryLanguage":"JSONata","StartAt":"P","States":{
                  "P":{"Type":"Pass","QueryLanguage":"JSONPath","Output":{"v":1},"End":true}}}""");
        assertThat(found).extracting(DefinitionProblem::message, DefinitionProblem::location).containsExactly(
                org.assertj.core.groups.Tuple.tuple(
                        "'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine", "/States/P"));
    }

    @Test
    void a_query_language_outside_the_two_names_is_reported_and_read_as_jsonata() throws Exception {
        List<DefinitionProblem> found = problems("""
                {"QueryLanguage":"jsonpath","StartAt":"P","States":{"P":{"Type":"Pass","InputPath":"$.a","End":true}}}""");
        assertThat(found).extracting(DefinitionProblem::message, DefinitionProblem::location).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Value should be one of the following: [JSONPath, JSONata]",
                        "/QueryLanguage"),
                org.assertj.core.groups.Tuple.tuple("The QueryLanguage is set to 'JSONata', but field 'InputPath' is only "
                        + "supported for the 'JSONPath' QueryLanguage", "/States/P"));
    }

    @Test
    void a_map_processor_or_parallel_branch_cannot_name_a_query_language() throws Exception {
        List<DefinitionProblem> found = problems("""
                {"StartAt":"M","States":{
                  "M":{"Type":"Map","ItemProcessor":{"QueryLanguage":"JSONata","StartAt":"P",
                    "States":{"P":{"Type":"Pass","End":true}}},"Next":"Par"},
                  "Par":{"Type":"Parallel","Branches":[{"QueryLanguage":"JSONata","StartAt":"P",
                    "States":{"P":{"Type":"Pass","End":true}}}],"End":true}}}""");
        assertThat(found).extracting(DefinitionProblem::message, DefinitionProblem::location).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Field 'QueryLanguage' is not supported", "/States/M/ItemProcessor"),
                org.assertj.core.groups.Tuple.tuple("Field 'QueryLanguage' is not supported", "/States/Par/Branches[0]"));
    }

    @Test
    void a_syntax_error_is_reported_with_the_parsers_message_at_the_nested_field() throws Exception {
        List<DefinitionProblem> found = problems("""
                {"QueryLanguage":"JSONata","StartAt":"C","States":{
                  "C":{"Type":"Choice","Choices":[{"Condition":"{% $x = %}","Next":"D"}],"Default":"D"},
                  "D":{"Type":"Pass","Output":{"list":[1,"{% [1,2 %}"]},"End":true}}}""");
        assertThat(found).extracting(DefinitionProblem::code).containsOnly("INVALID_JSONATA_EXPRESSION");
        assertThat(found).extracting(DefinitionProblem::location).containsExactly(
                "/States/C/Choices[0]/Condition", "/States/D/Output/list[1]");
    }

    @Test
    void a_choice_rule_without_condition_is_a_problem() throws Exception {
        List<DefinitionProblem> found = problems("""
                {"QueryLanguage":"JSONata","StartAt":"C","States":{
                  "C":{"Type":"Choice","Choices":[{"Variable":"$.x","BooleanEquals":true,"Next":"D"}],"Default":"D"},
                  "D":{"Type":"Succeed"}}}""");
        assertThat(found).extracting(DefinitionProblem::location).containsExactlyInAnyOrder(
                "/States/C/Choices[0]", "/States/C/Choices[0]/Variable", "/States/C/Choices[0]/BooleanEquals");
    }

    @Test
    void the_readme_example_compiles() throws Exception {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
        int start = readme.indexOf("```json\n{\"QueryLanguage\": \"JSONata\"");
        assertThat(start).as("the README's JSONata example").isNotNegative();
        String example = readme.substring(start + "```json\n".length(), readme.indexOf("```", start + 7));
        StateMachineDefinition machine = compile(example);
        assertThat(machine.state("Route").processing()).isInstanceOf(JsonataFlow.class);
    }

    @Test
    void a_catcher_takes_the_fields_of_its_states_language() throws Exception {
        List<DefinitionProblem> found = problems("""
                {"StartAt":"A","States":{
                  "A":{"Type":"Task","Resource":"arn:x","Catch":[{"ErrorEquals":["States.ALL"],"Output":{},"Next":"B"}],
                    "Next":"B"},
                  "B":{"Type":"Task","QueryLanguage":"JSONata","Resource":"arn:x",
                    "Catch":[{"ErrorEquals":["States.ALL"],"ResultPath":"$.e","Next":"C"}],"Next":"C"},
                  "C":{"Type":"Succeed"}}}""");
        assertThat(found).extracting(DefinitionProblem::message, DefinitionProblem::location).containsExactly(
                org.assertj.core.groups.Tuple.tuple("The QueryLanguage is set to 'JSONPath', but field 'Output' is only "
                        + "supported for the 'JSONata' QueryLanguage", "/States/A/Catch[0]"),
                org.assertj.core.groups.Tuple.tuple("The QueryLanguage is set to 'JSONata', but field 'ResultPath' is only "
                        + "supported for the 'JSONPath' QueryLanguage", "/States/B/Catch[0]"));
    }
}
