package appliance.engine.choice;

import appliance.engine.path.DataScope;
import appliance.engine.path.ReferencePath;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code StringEquals}, {@code StringLessThan}, ... and their {@code Path} forms: both sides must be
 * strings, compared by UTF-16 code units as Java does. Any other type makes the rule false, not an error.
 */
record StringComparison(ReferencePath variable, Comparison comparison, Operand operand) implements ChoiceRule {

    @Override
    public boolean matches(DataScope scope) {
        JsonNode value = Conditions.readRequired(variable, scope);
        JsonNode other = operand.value(scope);
        return value.isTextual() && other.isTextual()
                && comparison.holds(value.textValue().compareTo(other.textValue()));
    }
}
