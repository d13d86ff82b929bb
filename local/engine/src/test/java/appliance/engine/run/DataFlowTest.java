package appliance.engine.run;

import static appliance.engine.run.Harness.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DataFlowTest {

    private final Harness harness = new Harness();

    @Test
    void result_path_writes_into_the_raw_input_creating_missing_objects() {
        var ended = harness.run("""
                {"StartAt":"P","States":{"P":{"Type":"Pass","Result":{"v":1},"ResultPath":"$.a.b.c","End":true}}}""",
                "{\"keep\":true}");
        assertThat(ended.output()).isEqualTo(json("{\"keep\":true,\"a\":{\"b\":{\"c\":{\"v\":1}}}}"));
    }

    @Test
    void result_path_null_keeps_the_input_and_output_path_selects_from_the_combination() {
        var ended = harness.run("""
                {"StartAt":"P","States":{
                  "P":{"Type":"Pass","Result":"lost","ResultPath":null,"Next":"Q"},
                  "Q":{"Type":"Pass","OutputPath":"$.x","End":true}}}""", "{\"x\":{\"y\":2}}");
        assertThat(ended.output()).isEqualTo(json("{\"y\":2}"));
    }

    @Test
    void input_path_null_gives_an_empty_object() {
        var ended = harness.run("""
                {"StartAt":"P","States":{"P":{"Type":"Pass","InputPath":null,"End":true}}}""", "{\"x\":1}");
        assertThat(ended.output()).isEqualTo(json("{}"));
    }

    @Test
    void parameters_read_paths_the_context_object_and_keep_constants() {
        var ended = harness.run("""
                {"StartAt":"P","States":{"P":{"Type":"Pass","InputPath":"$.in","Parameters":{
                  "const":"$.not.a.path","copied.$":"$.v","state.$":"$$.State.Name","list":[{"n.$":"$.v"}],
                  "machine.$":"$$.StateMachine.Name","execution.$":"$$.Execution.Name"},"End":true}}}""",
                "{\"in\":{\"v\":5}}");
        assertThat(ended.output()).isEqualTo(json("""
                {"const":"$.not.a.path","copied":5,"state":"P","list":[{"n":5}],
                 "machine":"TestMachine","execution":"test-execution"}"""));
    }

    @Test
    void a_parameters_path_that_finds_nothing_fails_with_aws_cause() {
        var ended = harness.run("""
                {"StartAt":"Pick","States":{"Pick":{"Type":"Pass","Parameters":{"missing.$":"$.nope.deep"},"End":true}}}""",
                "{\"other\":1}");
        assertThat(ended.result().error()).isEqualTo("States.Runtime");
        assertThat(ended.result().cause()).isEqualTo("An error occurred while executing the state 'Pick' (entered at "
                + "the event id #2). The JSONPath '$.nope.deep' specified for the field 'missing.$' could not be found "
                + "in the input '{\"other\":1}'");
    }

    @Test
    void an_input_path_that_finds_nothing_fails_with_jayways_message() {
        var ended = harness.run("""
                {"StartAt":"pass","States":{"pass":{"Type":"Pass","InputPath":"$.NoSuchInputPath","End":true}}}""", "{}");
        assertThat(ended.result().cause()).isEqualTo("An error occurred while executing the state 'pass' (entered at "
                + "the event id #2). Invalid path '$.NoSuchInputPath' : No results for path: $['NoSuchInputPath']");
    }

    @Test
    void result_selector_shapes_the_task_result_before_result_path() {
        harness.tasks(r -> java.util.concurrent.CompletableFuture.completedFuture(json("{\"Payload\":{\"n\":3},\"Noise\":1}")));
        var ended = harness.run("""
                {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                  "Parameters":{"FunctionName":"f"},
                  "ResultSelector":{"n.$":"$.Payload.n","fixed":"yes"},"ResultPath":"$.result","End":true}}}""",
                "{\"orig\":true}");
        assertThat(ended.output()).isEqualTo(json("{\"orig\":true,\"result\":{\"n\":3,\"fixed\":\"yes\"}}"));
    }

    @Test
    void a_state_output_over_256_kib_fails_with_data_limit_exceeded() {
        String big = "a".repeat(256 * 1024);
        var ended = harness.run("{\"StartAt\":\"S\",\"States\":{\"S\":{\"Type\":\"Pass\",\"Result\":{\"A\":\"" + big
                + "\"},\"End\":true}}}", "{}");
        assertThat(ended.result().error()).isEqualTo("States.DataLimitExceeded");
        assertThat(ended.result().cause()).isEqualTo(
                "The state/task 'S' returned a result with a size exceeding the maximum number of bytes service limit.");
    }

    @Test
    void fail_state_reads_error_and_cause_from_paths() {
        var ended = harness.run("""
                {"StartAt":"F","States":{"F":{"Type":"Fail","ErrorPath":"$.e","CausePath":"$.c"}}}""",
                "{\"e\":\"error string\",\"c\":\"cause string\"}");
        assertThat(ended.result().status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(ended.result().error()).isEqualTo("error string");
        assertThat(ended.result().cause()).isEqualTo("cause string");
    }

    @Test
    void assigned_variables_are_read_by_later_states_and_not_by_the_same_state() {
        var ended = harness.run("""
                {"StartAt":"A","States":{
                  "A":{"Type":"Pass","Assign":{"x":1},"Next":"B"},
                  "B":{"Type":"Pass","Assign":{"x":2,"seen.$":"$x"},"Next":"C"},
                  "C":{"Type":"Pass","Parameters":{"x.$":"$x","seen.$":"$seen"},"End":true}}}""", "{}");
        assertThat(ended.output()).isEqualTo(json("{\"x\":2,\"seen\":1}"));
    }

    @Test
    void the_context_object_carries_times_with_milliseconds_and_the_execution_names() {
        var ended = harness.run("""
                {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":90,"Next":"P"},
                  "P":{"Type":"Pass","Parameters":{"start.$":"$$.Execution.StartTime","entered.$":"$$.State.EnteredTime",
                    "id.$":"$$.Execution.Id","input.$":"$$.Execution.Input","state.$":"$$.State",
                    "machine.$":"$$.StateMachine.Id"},"End":true}}}""", "{\"k\":1}");
        assertThat(ended.output()).isEqualTo(json("""
                {"start":"2024-05-01T12:00:00.000Z","entered":"2024-05-01T12:01:30.000Z",
                 "id":"arn:aws:states:us-east-1:123456789012:execution:TestMachine:test-execution",
                 "input":{"k":1},"state":{"EnteredTime":"2024-05-01T12:01:30.000Z","Name":"P"},
                 "machine":"arn:aws:states:us-east-1:123456789012:stateMachine:TestMachine"}"""));
    }
}
