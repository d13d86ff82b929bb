package appliance.engine.intrinsic;

import static appliance.engine.intrinsic.ArgumentType.STRING;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.List;
import java.util.random.RandomGenerator;

/** {@code States.StringToJson(text)}: parses JSON text. A blank text gives null, as AWS records. */
final class StringToJsonFunction implements IntrinsicFunction {

    private static final Signature SIGNATURE = Signature.of("States.StringToJson", STRING);

    @Override
    public Signature signature() {
        return SIGNATURE;
    }

    @Override
    public JsonNode apply(List<JsonNode> arguments, RandomGenerator random) {
        String text = arguments.get(0).textValue();
        if (text.isBlank()) {
            return NullNode.getInstance();
        }
        try {
            return JsonValues.JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw IntrinsicFailures.of(SIGNATURE.name(), "the string is not valid JSON: " + text);
        }
    }
}
