package appliance.engine.choice;

import appliance.engine.path.DataScope;
import appliance.engine.path.ReferencePath;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code NumericEquals}, {@code NumericLessThan}, ... and their {@code Path} forms: both sides must be
 * numbers, compared by value ({@code 1} equals {@code 1.0}). A string such as {@code "1"} is not a
 * number: the rule is false, as the corpus records.
 */
record NumericComparison(ReferencePath variable, Comparison comparison, Operand operand) implements ChoiceRule {

    @Override
    public boolean matches(DataScope scope) {
        JsonNode value = Conditions.readRequired(variable, scope);
        JsonNode other = operand.value(scope);
        return value.isNumber() && other.isNumber()
                && comparison.holds(value.decimalValue().compareTo(other.decimalValue()));
    }
}
