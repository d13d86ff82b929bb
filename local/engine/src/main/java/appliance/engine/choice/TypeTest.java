package appliance.engine.choice;

import appliance.engine.path.DataScope;
import appliance.engine.path.ReferencePath;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code IsNull}, {@code IsPresent}, {@code IsNumeric}, {@code IsString}, {@code IsBoolean},
 * {@code IsTimestamp}: the rule holds when the test's outcome equals the boolean given
 * ({@code "IsNumeric": false} holds for a string). Only IsPresent reads a missing Variable as an
 * answer (false); the others fail on it like every comparison.
 */
record TypeTest(ReferencePath variable, Kind kind, boolean expected) implements ChoiceRule {

    enum Kind { NULL, PRESENT, NUMERIC, STRING, BOOLEAN, TIMESTAMP }

    @Override
    public boolean matches(DataScope scope) {
        if (kind == Kind.PRESENT) {
            return (variable.read(scope) != null) == expected;
        }
        JsonNode value = Conditions.readRequired(variable, scope);
        boolean outcome = switch (kind) {
            case NULL -> value.isNull();
            case NUMERIC -> value.isNumber();
            case STRING -> value.isTextual();
            case BOOLEAN -> value.isBoolean();
            case TIMESTAMP -> Timestamps.parse(value) != null;
            case PRESENT -> true;
        };
        return outcome == expected;
    }
}
