package appliance.engine.intrinsic;

import static appliance.engine.intrinsic.ArgumentType.BOOLEAN;
import static appliance.engine.intrinsic.ArgumentType.OBJECT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * {@code States.JsonMerge(left, right, false)}: a shallow merge where the right object's fields win.
 * AWS supports only the shallow mode, so the flag must be false.
 */
final class JsonMergeFunction implements IntrinsicFunction {

    private static final Signature SIGNATURE = Signature.of("States.JsonMerge", OBJECT, OBJECT, BOOLEAN);

    @Override
    public Signature signature() {
        return SIGNATURE;
    }

    @Override
    public JsonNode apply(List<JsonNode> arguments, RandomGenerator random) {
        if (arguments.get(2).booleanValue()) {
            throw IntrinsicFailures.of(SIGNATURE.name(), "deep merging is not supported; the third argument must be false");
        }
        ObjectNode merged = ((ObjectNode) arguments.get(0)).deepCopy();
        merged.setAll((ObjectNode) arguments.get(1).deepCopy());
        return merged;
    }
}
