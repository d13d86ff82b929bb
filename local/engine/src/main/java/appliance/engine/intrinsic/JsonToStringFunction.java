package appliance.engine.intrinsic;

import static appliance.engine.intrinsic.ArgumentType.ANY;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.random.RandomGenerator;

/** {@code States.JsonToString(value)}: the value as compact JSON text. */
final class JsonToStringFunction implements IntrinsicFunction {

    private static final Signature SIGNATURE = Signature.of("States.JsonToString", ANY);

    @Override
    public Signature signature() {
        return SIGNATURE;
    }

    @Override
    public JsonNode apply(List<JsonNode> arguments, RandomGenerator random) {
        return TextNode.valueOf(JsonValues.compact(arguments.get(0)));
    }
}
