package appliance.engine.run;

import static appliance.engine.run.Harness.json;
import static org.assertj.core.api.Assertions.assertThat;

import appliance.engine.definition.ChoiceBranch;
import appliance.engine.definition.ChoiceCondition;
import appliance.engine.definition.ChoiceState;
import appliance.engine.definition.DataFlow;
import appliance.engine.definition.PassState;
import appliance.engine.definition.PathSelection;
import appliance.engine.definition.PayloadTemplate;
import appliance.engine.definition.ResultPathTarget;
import appliance.engine.definition.State;
import appliance.engine.definition.StateMachineDefinition;
import appliance.engine.definition.Transition;
import appliance.engine.path.ReferencePath;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The Choice state's own logic, with conditions given directly (the comparison operators have tests of
 * their own in the choice package).
 */
class ChoiceStateTest {

    private final Harness harness = new Harness();

    private static ChoiceCondition fieldIs(String field, int value) {
        return scope -> scope.data().path(field).asInt() == value;
    }

    private static PassState end(String name) {
        return new PassState(name, Transition.END, DataFlow.NONE, json("\"" + name + "\""));
    }

    private ExecutionResult run(ChoiceState choice, String input) {
        Map<String, State> states = Map.of("C", choice, "One", end("One"), "Two", end("Two"), "Other", end("Other"));
        Engine engine = new Engine(harness.scheduler, r -> null, new SplittableRandom(1));
        Execution execution = engine.start(new StateMachineDefinition("C", states, null), json(input),
                ExecutionIdentity.local("M", "e"), null);
        harness.scheduler.runUntilIdle();
        return execution.result().toCompletableFuture().join();
    }

    private static ChoiceState choice(String defaultNext, DataFlow flow) {
        return new ChoiceState("C", flow, List.of(
                new ChoiceBranch(fieldIs("n", 1), "One", null),
                new ChoiceBranch(scope -> scope.data().path("n").asInt() >= 1, "Two", null)), defaultNext);
    }

    @Test
    void the_first_matching_rule_picks_the_next_state() {
        assertThat(run(choice("Other", DataFlow.NONE), "{\"n\":1}").output()).isEqualTo(json("\"One\""));
        assertThat(run(choice("Other", DataFlow.NONE), "{\"n\":5}").output()).isEqualTo(json("\"Two\""));
    }

    @Test
    void no_match_goes_to_default() {
        assertThat(run(choice("Other", DataFlow.NONE), "{\"n\":0}").output()).isEqualTo(json("\"Other\""));
    }

    @Test
    void no_match_and_no_default_fails_with_no_choice_matched() {
        ExecutionResult result = run(choice(null, DataFlow.NONE), "{\"n\":0}");
        assertThat(result.error()).isEqualTo("States.NoChoiceMatched");
        assertThat(result.cause()).contains("'C' (entered at the event id #2)");
    }

    @Test
    void rules_see_the_input_after_input_path_and_output_path_shapes_what_goes_on() {
        DataFlow flow = new DataFlow(new PathSelection(ReferencePath.compile("$.inner")), null, null,
                ResultPathTarget.WHOLE, new PathSelection(ReferencePath.compile("$.n")), null);
        Map<String, State> states = Map.of("C", new ChoiceState("C", flow,
                List.of(new ChoiceBranch(fieldIs("n", 1), "Echo", null)), null),
                "Echo", new PassState("Echo", Transition.END, DataFlow.NONE, null));
        Engine engine = new Engine(harness.scheduler, r -> null, new SplittableRandom(1));
        Execution execution = engine.start(new StateMachineDefinition("C", states, null), json("{\"inner\":{\"n\":1}}"),
                ExecutionIdentity.local("M", "e"), null);
        harness.scheduler.runUntilIdle();
        assertThat(execution.result().toCompletableFuture().join().output()).isEqualTo(json("1"));
    }

    @Test
    void a_matching_rule_assigns_its_variables() {
        PayloadTemplate assign = new PayloadTemplate.ObjectTemplate(List.of(
                new PayloadTemplate.Field("picked", new PayloadTemplate.Constant(json("\"first\"")))));
        Map<String, State> states = Map.of("C", new ChoiceState("C", DataFlow.NONE,
                List.of(new ChoiceBranch(scope -> true, "Read", DataFlow.assigning(assign))), null),
                "Read", new PassState("Read", Transition.END, new DataFlow(PathSelection.WHOLE,
                        new PayloadTemplate.ObjectTemplate(List.of(new PayloadTemplate.Field("picked",
                                new PayloadTemplate.Dynamic("picked.$",
                                        new appliance.engine.definition.ValueExpression.PathValue(ReferencePath.compile("$picked")))))),
                        null, ResultPathTarget.WHOLE, PathSelection.WHOLE, null), null));
        Engine engine = new Engine(harness.scheduler, r -> null, new SplittableRandom(1));
        Execution execution = engine.start(new StateMachineDefinition("C", states, null), json("{}"),
                ExecutionIdentity.local("M", "e"), null);
        harness.scheduler.runUntilIdle();
        assertThat(execution.result().toCompletableFuture().join().output()).isEqualTo(json("{\"picked\":\"first\"}"));
    }
}
