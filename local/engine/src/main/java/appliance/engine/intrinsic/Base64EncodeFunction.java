package appliance.engine.intrinsic;

import static appliance.engine.intrinsic.ArgumentType.STRING;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.random.RandomGenerator;

/** {@code States.Base64Encode(text)}: the text's UTF-8 bytes in Base64; at most 10,000 characters in. */
final class Base64EncodeFunction implements IntrinsicFunction {

    static final int MAX_INPUT_CHARACTERS = 10_000;

    private static final Signature SIGNATURE = Signature.of("States.Base64Encode", STRING);

    @Override
    public Signature signature() {
        return SIGNATURE;
    }

    @Override
    public JsonNode apply(List<JsonNode> arguments, RandomGenerator random) {
        String text = arguments.get(0).textValue();
        if (text.length() > MAX_INPUT_CHARACTERS) {
            throw IntrinsicFailures.of(SIGNATURE.name(), "the input has " + text.length()
                    + " characters, more than the maximum of " + MAX_INPUT_CHARACTERS);
        }
        return TextNode.valueOf(Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
    }
}
