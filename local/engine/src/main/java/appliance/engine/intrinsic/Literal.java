package appliance.engine.intrinsic;

import appliance.engine.path.DataScope;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.random.RandomGenerator;

/**
 * A constant argument: a string, number, boolean or null. For a string, {@code source} keeps the text
 * between the quotes with its escapes, because {@code States.Format} must tell an escaped {@code \{}
 * from a placeholder {@code {}}; it is null for the other kinds.
 */
record Literal(JsonNode value, String source) implements Argument {

    @Override
    public JsonNode evaluate(DataScope scope, RandomGenerator random) {
        return value;
    }
}
