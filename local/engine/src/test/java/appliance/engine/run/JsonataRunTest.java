package appliance.engine.run;

import static appliance.engine.run.Harness.json;
import static org.assertj.core.api.Assertions.assertThat;

import appliance.engine.error.StatesFailure;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The interpreter running JSONata states: what each field sees, and what fails how. */
class JsonataRunTest {

    private final Harness harness = new Harness();

    @Test
    void a_task_gets_its_arguments_and_output_and_assign_see_the_result_and_the_variables_before_it() {
        var ended = harness.echoTasks().run("""
                {"QueryLanguage":"JSONata","StartAt":"Init","States":{
                  "Init":{"Type":"Pass","Assign":{"n":1},"Next":"Call"},
                  "Call":{"Type":"Task","Resource":"arn:aws:states:::my:task",
                    "Arguments":{"x":"{% $states.input.x %}","n":"{% $n %}"},
                    "Assign":{"n":"{% $n + 10 %}","seen":"{% $states.result.x %}"},
                    "Output":{"result":"{% $states.result %}","nBefore":"{% $n %}"},"Next":"Read"},
                  "Read":{"Type":"Pass","Output":{"n":"{% $n %}","seen":"{% $seen %}"},"End":true}}}""",
                "{\"x\":\"hello\"}");
        assertThat(harness.calls.get(0).parameters()).isEqualTo(json("{\"x\":\"hello\",\"n\":1}"));
        assertThat(ended.output()).isEqualTo(json("{\"n\":11,\"seen\":\"hello\"}"));
        assertThat(ended.history().get(ended.history().size() - 4).details().path("output").asText())
                .isEqualTo("{\"result\":{\"x\":\"hello\",\"n\":1},\"nBefore\":1}");
    }

    @Test
    void a_task_without_output_hands_on_its_result() {
        var ended = harness.tasks(request -> CompletableFuture.completedFuture(json("{\"r\":2}"))).run("""
                {"QueryLanguage":"JSONata","StartAt":"Call","States":{
                  "Call":{"Type":"Task","Resource":"arn:aws:states:::my:task","End":true}}}""", "{\"in\":1}");
        assertThat(ended.output()).isEqualTo(json("{\"r\":2}"));
    }

    @Test
    void a_catcher_output_and_assign_see_the_error_output() {
        var ended = harness.tasks(request -> CompletableFuture.failedFuture(new StatesFailure("Boom", "it broke"))).run("""
                {"QueryLanguage":"JSONata","StartAt":"Call","States":{
                  "Call":{"Type":"Task","Resource":"arn:aws:states:::my:task","Catch":[{"ErrorEquals":["Boom"],
                    "Assign":{"why":"{% $states.errorOutput.Cause %}"},
                    "Output":{"error":"{% $states.errorOutput.Error %}","input":"{% $states.input %}"},"Next":"Read"}],
                    "End":true},
                  "Read":{"Type":"Pass","Output":{"caught":"{% $states.input %}","why":"{% $why %}"},"End":true}}}""",
                "{\"k\":1}");
        assertThat(ended.output()).isEqualTo(json(
                "{\"caught\":{\"error\":\"Boom\",\"input\":{\"k\":1}},\"why\":\"it broke\"}"));
    }

    @Test
    void a_jsonata_state_runs_inside_a_jsonpath_machine_and_shares_its_variables() {
        var ended = harness.run("""
                {"StartAt":"Path","States":{
                  "Path":{"Type":"Pass","Assign":{"a.$":"$.v"},"Next":"Ata"},
                  "Ata":{"QueryLanguage":"JSONata","Type":"Pass","Assign":{"b":"{% $a * 2 %}"},"Next":"Back"},
                  "Back":{"Type":"Pass","Parameters":{"a.$":"$a","b.$":"$b"},"End":true}}}""", "{\"v\":21}");
        assertThat(ended.output()).isEqualTo(json("{\"a\":21,\"b\":42}"));
    }

    @Test
    void choice_rules_test_conditions_and_a_matched_rule_assigns_and_outputs_with_the_state_assign() {
        var ended = harness.run("""
                {"QueryLanguage":"JSONata","StartAt":"C","States":{
                  "C":{"Type":"Choice","Assign":{"fromState":true},"Choices":[
                    {"Condition":"{% $states.input.n > 5 %}","Next":"Big","Assign":{"rule":"big"},
                     "Output":{"size":"big"}},
                    {"Condition":"{% $states.input.n <= 5 %}","Next":"Small"}],"Default":"Small"},
                  "Big":{"Type":"Pass","Output":{"in":"{% $states.input %}","rule":"{% $rule %}",
                    "fromState":"{% $fromState %}"},"End":true},
                  "Small":{"Type":"Succeed"}}}""", "{\"n\":9}");
        assertThat(ended.output()).isEqualTo(json("{\"in\":{\"size\":\"big\"},\"rule\":\"big\",\"fromState\":true}"));
    }

    @Test
    void a_condition_that_is_not_boolean_fails_with_the_rules_field_named() {
        var ended = harness.run("""
                {"QueryLanguage":"JSONata","StartAt":"C","States":{
                  "C":{"Type":"Choice","Choices":[{"Condition":"{% $states.input.n %}","Next":"D"}],"Default":"D"},
                  "D":{"Type":"Succeed"}}}""", "{\"n\":9}");
        assertThat(ended.result().error()).isEqualTo("States.QueryEvaluationError");
        assertThat(ended.result().cause()).isEqualTo("An error occurred while executing the state 'C' (entered at "
                + "the event id #2). The JSONata expression '$states.input.n' specified for the field "
                + "'Choices[0]/Condition' returned an unexpected result type. Expected 'boolean', but was 'number' "
                + "for value: 9");
    }

    @Test
    void wait_seconds_and_task_timeout_are_expressions() {
        var execution = harness.tasks(request -> new CompletableFuture<>()).start("""
                {"QueryLanguage":"JSONata","StartAt":"W","States":{
                  "W":{"Type":"Wait","Seconds":"{% $states.input.wait %}","Next":"T"},
                  "T":{"Type":"Task","Resource":"arn:aws:states:::my:task","TimeoutSeconds":"{% $states.input.limit %}",
                    "End":true}}}""", "{\"wait\":30,\"limit\":5}");
        harness.scheduler.advanceBy(Duration.ofSeconds(29));
        assertThat(harness.calls).isEmpty();
        harness.scheduler.advanceBy(Duration.ofSeconds(1));
        assertThat(harness.calls).hasSize(1);
        harness.scheduler.advanceBy(Duration.ofSeconds(5));
        assertThat(execution.result().toCompletableFuture().join().error()).isEqualTo("States.Timeout");
    }

    @Test
    void fail_error_and_cause_are_expressions() {
        var ended = harness.run("""
                {"QueryLanguage":"JSONata","StartAt":"F","States":{
                  "F":{"Type":"Fail","Error":"{% 'E.' & $states.input.code %}","Cause":"{% $states.input.why %}"}}}""",
                "{\"code\":\"Bad\",\"why\":\"because\"}");
        assertThat(ended.result().error()).isEqualTo("E.Bad");
        assertThat(ended.result().cause()).isEqualTo("because");
    }

    @Test
    void map_items_item_selector_and_iteration_variables_stay_inside() {
        var ended = harness.run("""
                {"QueryLanguage":"JSONata","StartAt":"Init","States":{
                  "Init":{"Type":"Pass","Assign":{"factor":10},"Next":"M"},
                  "M":{"Type":"Map","Items":"{% $states.input.list %}","MaxConcurrency":"{% 1 %}",
                    "ItemSelector":{"v":"{% $states.context.Map.Item.Value %}","i":"{% $states.context.Map.Item.Index %}"},
                    "ItemProcessor":{"StartAt":"Times","States":{
                      "Times":{"Type":"Pass","Assign":{"factor":0},"Output":"{% $states.input.v * $factor + $states.input.i %}",
                        "End":true}}},
                    "Output":{"results":"{% $states.result %}","factor":"{% $factor %}"},"End":true}}}""",
                "{\"list\":[1,2,3]}");
        assertThat(ended.output()).isEqualTo(json("{\"results\":[10,21,32],\"factor\":10}"));
    }

    @Test
    void parallel_branches_get_the_arguments_and_read_outer_variables() {
        var ended = harness.run("""
                {"QueryLanguage":"JSONata","StartAt":"Init","States":{
                  "Init":{"Type":"Pass","Assign":{"base":5},"Next":"P"},
                  "P":{"Type":"Parallel","Arguments":{"x":"{% $states.input.x %}"},"Branches":[
                    {"StartAt":"A","States":{"A":{"Type":"Pass","Output":"{% $states.input.x + $base %}","End":true}}},
                    {"StartAt":"B","States":{"B":{"Type":"Pass","Assign":{"base":0},"End":true}}}],
                    "Output":{"r":"{% $states.result %}","base":"{% $base %}"},"End":true}}}""", "{\"x\":1,\"y\":2}");
        assertThat(ended.output()).isEqualTo(json("{\"r\":[6,{\"x\":1}],\"base\":5}"));
    }

    @Test
    void an_undefined_variable_fails_with_returned_nothing() {
        var ended = harness.run("""
                {"QueryLanguage":"JSONata","StartAt":"S","States":{
                  "S":{"Type":"Pass","Assign":{"x":"{% $nope %}"},"End":true}}}""", "{}");
        assertThat(ended.result().error()).isEqualTo("States.QueryEvaluationError");
        assertThat(ended.result().cause()).isEqualTo("An error occurred while executing the state 'S' (entered at "
                + "the event id #2). The JSONata expression '$nope' specified for the field 'Assign/x' returned "
                + "nothing (undefined).");
    }

    @Test
    void a_query_evaluation_error_can_be_caught() {
        var ended = harness.run("""
                {"QueryLanguage":"JSONata","StartAt":"M","States":{
                  "M":{"Type":"Map","Items":"{% 'no' %}","ItemProcessor":{"StartAt":"X","States":{"X":{"Type":"Succeed"}}},
                    "Catch":[{"ErrorEquals":["States.QueryEvaluationError"],"Output":"{% $states.errorOutput.Error %}",
                      "Next":"Done"}],"End":true},
                  "Done":{"Type":"Succeed"}}}""", "{}");
        assertThat(ended.output()).isEqualTo(json("\"States.QueryEvaluationError\""));
    }

    @Test
    void a_variable_over_256_kib_fails_the_state_with_data_limit_exceeded() {
        var ended = harness.run("""
                {"QueryLanguage":"JSONata","StartAt":"S","States":{
                  "S":{"Type":"Pass","Assign":{"big":"{% $join([1..27000].('0123456789'), '') %}"},"End":true}}}""",
                "{}");
        assertThat(ended.result().error()).isEqualTo("States.DataLimitExceeded");
        assertThat(ended.result().cause()).contains("'big'", "'S'", "256 KiB");
    }

    @Test
    void jsonpath_variables_have_the_same_size_limit() {
        var ended = harness.run("""
                {"StartAt":"S","States":{"S":{"Type":"Pass","Assign":{"big.$":"$.text"},"End":true}}}""",
                "{\"text\":\"" + "x".repeat(270_000) + "\"}");
        assertThat(ended.result().error()).isEqualTo("States.DataLimitExceeded");
    }

    @Test
    void the_default_branch_takes_the_states_own_output_and_assign() {
        var ended = harness.run("""
                {"QueryLanguage":"JSONata","StartAt":"C","States":{
                  "C":{"Type":"Choice","Output":{"went":"default"},"Assign":{"seen":"{% $states.input.n %}"},
                    "Choices":[{"Condition":"{% $states.input.n > 5 %}","Next":"D","Output":{"went":"rule"}}],
                    "Default":"D"},
                  "D":{"Type":"Pass","Output":{"in":"{% $states.input %}","seen":"{% $seen %}"},"End":true}}}""",
                "{\"n\":1}");
        assertThat(ended.output()).isEqualTo(json("{\"in\":{\"went\":\"default\"},\"seen\":1}"));
    }

    @Test
    void wait_timestamp_is_an_expression_and_now_reads_the_engines_clock() {
        var execution = harness.start("""
                {"QueryLanguage":"JSONata","StartAt":"W","States":{
                  "W":{"Type":"Wait","Timestamp":"{% $states.input.at %}","Next":"P"},
                  "P":{"Type":"Pass","Output":{"now":"{% $now() %}","millis":"{% $millis() %}"},"End":true}}}""",
                "{\"at\":\"2024-05-01T13:00:00Z\"}");
        harness.scheduler.advanceBy(Duration.ofMinutes(59));
        assertThat(execution.result().toCompletableFuture().isDone()).isFalse();
        harness.scheduler.advanceBy(Duration.ofMinutes(1));
        var output = execution.result().toCompletableFuture().join().output();
        assertThat(output.path("now").asText()).startsWith("2024-05-01T13:00:00");
        assertThat(output.path("millis").asLong()).isEqualTo(Harness.START.plus(Duration.ofHours(1)).toEpochMilli());
    }

    @Test
    void a_retried_task_sees_its_retry_count_in_the_context() {
        int[] calls = {0};
        var ended = harness.tasks(request -> ++calls[0] < 3
                ? CompletableFuture.failedFuture(new StatesFailure("Flaky", "again"))
                : CompletableFuture.completedFuture(request.parameters())).run("""
                {"QueryLanguage":"JSONata","StartAt":"T","States":{
                  "T":{"Type":"Task","Resource":"arn:aws:states:::my:task",
                    "Arguments":{"try":"{% $states.context.State.RetryCount %}"},
                    "Retry":[{"ErrorEquals":["Flaky"],"IntervalSeconds":1,"MaxAttempts":5}],"End":true}}}""", "{}");
        assertThat(ended.output()).isEqualTo(json("{\"try\":2}"));
    }

    @Test
    void a_failing_catcher_output_fails_the_execution_with_the_states_prefix() {
        var ended = harness.tasks(request -> CompletableFuture.failedFuture(new StatesFailure("Boom", null))).run("""
                {"QueryLanguage":"JSONata","StartAt":"T","States":{
                  "T":{"Type":"Task","Resource":"arn:aws:states:::my:task","Catch":[{"ErrorEquals":["States.ALL"],
                    "Output":{"cause":"{% $states.errorOutput.Cause %}"},"Next":"D"}],"End":true},
                  "D":{"Type":"Succeed"}}}""", "{}");
        assertThat(ended.result().error()).isEqualTo("States.QueryEvaluationError");
        assertThat(ended.result().cause()).isEqualTo("An error occurred while executing the state 'T' (entered at "
                + "the event id #2). The JSONata expression '$states.errorOutput.Cause' specified for the field "
                + "'Catch[0]/Output/cause' returned nothing (undefined).");
    }
}
