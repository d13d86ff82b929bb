package appliance.engine.intrinsic;

import static appliance.engine.intrinsic.ArgumentType.ANY;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.random.RandomGenerator;

/** {@code States.Array(values...)}: the values as one array (none gives {@code []}). */
final class ArrayFunction implements IntrinsicFunction {

    private static final Signature SIGNATURE = Signature.variadic("States.Array", 0, ANY);

    @Override
    public Signature signature() {
        return SIGNATURE;
    }

    @Override
    public JsonNode apply(List<JsonNode> arguments, RandomGenerator random) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode(arguments.size());
        arguments.forEach(array::add);
        return array;
    }
}
