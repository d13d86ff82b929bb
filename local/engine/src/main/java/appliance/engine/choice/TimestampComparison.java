package appliance.engine.choice;

import appliance.engine.path.DataScope;
import appliance.engine.path.ReferencePath;
import java.time.Instant;

/**
 * {@code TimestampEquals}, {@code TimestampLessThan}, ... and their {@code Path} forms: both sides must
 * be strings holding timestamps ({@link Timestamps}), compared as instants. Anything else gives false.
 */
record TimestampComparison(ReferencePath variable, Comparison comparison, Operand operand) implements ChoiceRule {

    @Override
    public boolean matches(DataScope scope) {
        Instant value = Timestamps.parse(Conditions.readRequired(variable, scope));
        Instant other = Timestamps.parse(operand.value(scope));
        return value != null && other != null && comparison.holds(value.compareTo(other));
    }
}
