package appliance.engine.choice;

import appliance.engine.error.DefinitionProblems;
import appliance.engine.path.DataScope;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * TEMP stand-in so the engine compiles before the {@code expressions} branch is merged: the real
 * interface (every comparison operator, And/Or/Not) replaces this file. It supports nothing and says so.
 */
public interface ChoiceRule {

    static ChoiceRule compile(JsonNode rule, String location, DefinitionProblems problems) {
        throw new UnsupportedOperationException("TEMP stand-in: Choice rules are not on this branch (" + location + ")");
    }

    boolean matches(DataScope scope);
}
