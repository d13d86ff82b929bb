package appliance.engine.intrinsic;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The registry: every intrinsic function Step Functions defines, by name. */
final class IntrinsicFunctions {

    private static final Map<String, IntrinsicFunction> BY_NAME = List.of(
                    new FormatFunction(),
                    new StringToJsonFunction(),
                    new JsonToStringFunction(),
                    new ArrayFunction(),
                    new ArrayPartitionFunction(),
                    new ArrayContainsFunction(),
                    new ArrayRangeFunction(),
                    new ArrayGetItemFunction(),
                    new ArrayLengthFunction(),
                    new ArrayUniqueFunction(),
                    new Base64EncodeFunction(),
                    new Base64DecodeFunction(),
                    new HashFunction(),
                    new JsonMergeFunction(),
                    new MathRandomFunction(),
                    new MathAddFunction(),
                    new StringSplitFunction(),
                    new UuidFunction())
            .stream()
            .collect(Collectors.toUnmodifiableMap(f -> f.signature().name(), Function.identity()));

    private IntrinsicFunctions() {
    }

    /** The function of that name, or null when there is none. */
    static IntrinsicFunction find(String name) {
        return BY_NAME.get(name);
    }

}
