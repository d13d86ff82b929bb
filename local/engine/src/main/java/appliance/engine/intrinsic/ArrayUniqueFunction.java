package appliance.engine.intrinsic;

import static appliance.engine.intrinsic.ArgumentType.ARRAY;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.random.RandomGenerator;

/** {@code States.ArrayUnique(array)}: the items without repeats, each where it first occurs. */
final class ArrayUniqueFunction implements IntrinsicFunction {

    private static final Signature SIGNATURE = Signature.of("States.ArrayUnique", ARRAY);

    @Override
    public Signature signature() {
        return SIGNATURE;
    }

    @Override
    public JsonNode apply(List<JsonNode> arguments, RandomGenerator random) {
        ArrayNode unique = JsonNodeFactory.instance.arrayNode();
        for (JsonNode item : arguments.get(0)) {
            boolean seen = false;
            for (JsonNode kept : unique) {
                if (JsonValues.sameValue(kept, item)) {
                    seen = true;
                    break;
                }
            }
            if (!seen) {
                unique.add(item);
            }
        }
        return unique;
    }
}
