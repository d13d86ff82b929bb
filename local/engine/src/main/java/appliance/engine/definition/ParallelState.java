package appliance.engine.definition;

import java.util.List;

/** {@code Parallel}: runs every branch on the same input; its result is the array of their outputs. */
public record ParallelState(
        String name,
        Transition transition,
        Processing processing,
        ErrorHandling errorHandling,
        List<StateMachineDefinition> branches) implements State {

    public ParallelState {
        branches = List.copyOf(branches);
    }

    @Override
    public String type() {
        return "Parallel";
    }
}
