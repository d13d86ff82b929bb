package appliance.engine.choice;

import appliance.engine.path.DataScope;
import appliance.engine.path.ReferencePath;
import com.fasterxml.jackson.databind.JsonNode;

/** The right-hand side of a comparison: a literal from the definition, or the value at a path ({@code ...Path} operators). */
sealed interface Operand {

    JsonNode value(DataScope scope);

    record Literal(JsonNode value) implements Operand {
        @Override
        public JsonNode value(DataScope scope) {
            return value;
        }
    }

    record AtPath(ReferencePath path) implements Operand {
        @Override
        public JsonNode value(DataScope scope) {
            return Conditions.readRequired(path, scope);
        }
    }
}
