package appliance.engine.jsonata;

import com.dashjoin.jsonata.Jsonata.JFunction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * {@code $hash(value, algorithm)}: the hex digest of a string (the JSONata form of {@code States.Hash}),
 * with the algorithms AWS lists: MD5, SHA-1, SHA-256, SHA-384, SHA-512.
 */
final class HashFunction {

    static final String SIGNATURE = "<ss:s>";
    static final List<String> ALGORITHMS = List.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512");

    private HashFunction() {
    }

    static JFunction create() {
        return new JFunction((context, arguments) -> apply((String) arguments.get(0), (String) arguments.get(1)),
                SIGNATURE);
    }

    static String apply(String value, String algorithm) {
        if (value == null) {
            throw new JsonataFunctionException("The argument 'value' of $hash must be a string");
        }
        if (algorithm == null || !ALGORITHMS.contains(algorithm)) {
            throw new JsonataFunctionException("The hash algorithm " + (algorithm == null ? "(none)" : "'" + algorithm + "'")
                    + " is not supported by $hash; use one of " + String.join(", ", ALGORITHMS));
        }
        try {
            byte[] digest = MessageDigest.getInstance(algorithm).digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            // Every Java runtime must provide these five algorithms.
            throw new IllegalStateException("The Java runtime lacks " + algorithm, e);
        }
    }
}
