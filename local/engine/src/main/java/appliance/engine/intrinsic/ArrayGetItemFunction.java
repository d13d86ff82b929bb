package appliance.engine.intrinsic;

import static appliance.engine.intrinsic.ArgumentType.ARRAY;
import static appliance.engine.intrinsic.ArgumentType.INTEGER;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.random.RandomGenerator;

/** {@code States.ArrayGetItem(array, index)}: the item at a zero-based index. */
final class ArrayGetItemFunction implements IntrinsicFunction {

    private static final Signature SIGNATURE = Signature.of("States.ArrayGetItem", ARRAY, INTEGER);

    @Override
    public Signature signature() {
        return SIGNATURE;
    }

    @Override
    public JsonNode apply(List<JsonNode> arguments, RandomGenerator random) {
        JsonNode array = arguments.get(0);
        long index = arguments.get(1).asLong();
        if (index < 0 || index >= array.size()) {
            throw IntrinsicFailures.of(SIGNATURE.name(), "the index " + index + " is out of bounds for an array of "
                    + array.size() + (array.size() == 1 ? " item" : " items"));
        }
        return array.get((int) index);
    }
}
