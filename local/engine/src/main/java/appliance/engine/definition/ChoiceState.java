package appliance.engine.definition;

import java.util.List;

/** {@code Choice}: the first branch whose rule matches decides the next state, else {@code Default}. */
public record ChoiceState(String name, Processing processing, List<ChoiceBranch> branches, String defaultNext)
        implements State {

    public ChoiceState {
        branches = List.copyOf(branches);
    }

    @Override
    public String type() {
        return "Choice";
    }
}
