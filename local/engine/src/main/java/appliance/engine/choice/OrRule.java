package appliance.engine.choice;

import appliance.engine.path.DataScope;
import java.util.List;

/** {@code Or}: some nested rule holds; evaluation stops at the first that does. */
record OrRule(List<ChoiceRule> rules) implements ChoiceRule {

    OrRule {
        rules = List.copyOf(rules);
    }

    @Override
    public boolean matches(DataScope scope) {
        for (ChoiceRule rule : rules) {
            if (rule.matches(scope)) {
                return true;
            }
        }
        return false;
    }
}
