package appliance.engine.choice;

import appliance.engine.path.DataScope;

/** {@code Not}: the nested rule does not hold. */
record NotRule(ChoiceRule rule) implements ChoiceRule {

    @Override
    public boolean matches(DataScope scope) {
        return !rule.matches(scope);
    }
}
