package appliance.engine.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.random.RandomGenerator;

/** One intrinsic function: a declarative signature, and what it does with arguments that fit it. */
interface IntrinsicFunction {

    Signature signature();

    /**
     * Computes the result. The arguments already match {@link #signature()} in number and type.
     *
     * @throws appliance.engine.error.StatesFailure {@code States.IntrinsicFailure} for values the
     *     signature cannot rule out (an index out of range, an unknown hash algorithm, ...)
     */
    JsonNode apply(List<JsonNode> arguments, RandomGenerator random);

    /** True when a string literal at this position should arrive with its escapes kept (States.Format's template). */
    default boolean wantsEscapedSource(int index) {
        return false;
    }
}
