package appliance.engine.intrinsic;

import static appliance.engine.intrinsic.ArgumentType.ARRAY;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import java.util.List;
import java.util.random.RandomGenerator;

/** {@code States.ArrayLength(array)}: the number of items. */
final class ArrayLengthFunction implements IntrinsicFunction {

    private static final Signature SIGNATURE = Signature.of("States.ArrayLength", ARRAY);

    @Override
    public Signature signature() {
        return SIGNATURE;
    }

    @Override
    public JsonNode apply(List<JsonNode> arguments, RandomGenerator random) {
        return IntNode.valueOf(arguments.get(0).size());
    }
}
