package appliance.engine.choice;

import appliance.engine.error.StatesFailure;
import appliance.engine.path.DataScope;
import appliance.engine.path.ReferencePath;
import com.fasterxml.jackson.databind.JsonNode;

/** {@code StringMatches}: the Variable is a string that the wildcard pattern matches whole. */
record StringMatch(ReferencePath variable, WildcardPattern pattern) implements ChoiceRule {

    @Override
    public boolean matches(DataScope scope) {
        JsonNode value = Conditions.readRequired(variable, scope);
        if (pattern.openEscape() != null) {
            throw StatesFailure.runtime(pattern.openEscape());
        }
        return value.isTextual() && pattern.matches(value.textValue());
    }
}
