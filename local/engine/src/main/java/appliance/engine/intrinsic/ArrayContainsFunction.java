package appliance.engine.intrinsic;

import static appliance.engine.intrinsic.ArgumentType.ANY;
import static appliance.engine.intrinsic.ArgumentType.ARRAY;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import java.util.List;
import java.util.random.RandomGenerator;

/** {@code States.ArrayContains(array, value)}: whether an item equals the value (deep, numbers by value). */
final class ArrayContainsFunction implements IntrinsicFunction {

    private static final Signature SIGNATURE = Signature.of("States.ArrayContains", ARRAY, ANY);

    @Override
    public Signature signature() {
        return SIGNATURE;
    }

    @Override
    public JsonNode apply(List<JsonNode> arguments, RandomGenerator random) {
        JsonNode wanted = arguments.get(1);
        for (JsonNode item : arguments.get(0)) {
            if (JsonValues.sameValue(item, wanted)) {
                return BooleanNode.TRUE;
            }
        }
        return BooleanNode.FALSE;
    }
}
