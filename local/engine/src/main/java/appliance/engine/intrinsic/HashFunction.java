package appliance.engine.intrinsic;

import static appliance.engine.intrinsic.ArgumentType.STRING;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * {@code States.Hash(data, algorithm)}: the lowercase hex digest of the data's UTF-8 bytes. The
 * algorithms are AWS's five, whose names are also the JDK's; at most 10,000 characters in.
 */
final class HashFunction implements IntrinsicFunction {

    static final int MAX_INPUT_CHARACTERS = 10_000;
    static final List<String> ALGORITHMS = List.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512");

    private static final Signature SIGNATURE = Signature.of("States.Hash", STRING, STRING);

    @Override
    public Signature signature() {
        return SIGNATURE;
    }

    @Override
    public JsonNode apply(List<JsonNode> arguments, RandomGenerator random) {
        String data = arguments.get(0).textValue();
        String algorithm = arguments.get(1).textValue();
        if (!ALGORITHMS.contains(algorithm)) {
            throw IntrinsicFailures.of(SIGNATURE.name(), "the hash algorithm '" + algorithm
                    + "' is not supported; use one of " + String.join(", ", ALGORITHMS));
        }
        if (data.length() > MAX_INPUT_CHARACTERS) {
            throw IntrinsicFailures.of(SIGNATURE.name(), "the input has " + data.length()
                    + " characters, more than the maximum of " + MAX_INPUT_CHARACTERS);
        }
        try {
            byte[] digest = MessageDigest.getInstance(algorithm).digest(data.getBytes(StandardCharsets.UTF_8));
            return TextNode.valueOf(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            // Every Java runtime must provide these five digests.
            throw new IllegalStateException("The Java runtime lacks the digest " + algorithm, e);
        }
    }
}
