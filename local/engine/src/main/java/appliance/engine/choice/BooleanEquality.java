package appliance.engine.choice;

import appliance.engine.path.DataScope;
import appliance.engine.path.ReferencePath;
import com.fasterxml.jackson.databind.JsonNode;

/** {@code BooleanEquals} and {@code BooleanEqualsPath}: both sides booleans and equal; other types give false. */
record BooleanEquality(ReferencePath variable, Operand operand) implements ChoiceRule {

    @Override
    public boolean matches(DataScope scope) {
        JsonNode value = Conditions.readRequired(variable, scope);
        JsonNode other = operand.value(scope);
        return value.isBoolean() && other.isBoolean() && value.booleanValue() == other.booleanValue();
    }
}
