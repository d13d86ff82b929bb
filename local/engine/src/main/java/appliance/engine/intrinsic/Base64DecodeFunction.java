package appliance.engine.intrinsic;

import static appliance.engine.intrinsic.ArgumentType.STRING;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.random.RandomGenerator;

/** {@code States.Base64Decode(base64)}: the decoded bytes read as UTF-8; at most 10,000 characters in. */
final class Base64DecodeFunction implements IntrinsicFunction {

    static final int MAX_INPUT_CHARACTERS = 10_000;

    private static final Signature SIGNATURE = Signature.of("States.Base64Decode", STRING);

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
        try {
            return TextNode.valueOf(new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw IntrinsicFailures.of(SIGNATURE.name(), "the input is not valid Base64: " + text);
        }
    }
}
