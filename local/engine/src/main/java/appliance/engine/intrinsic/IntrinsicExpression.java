package appliance.engine.intrinsic;

import appliance.engine.path.DataScope;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.random.RandomGenerator;

/**
 * An intrinsic function call such as {@code States.Format('Hi {}', $.name)}, parsed once into a syntax
 * tree and evaluated many times. Immutable and safe to share between executions: randomness
 * ({@code States.MathRandom}, {@code States.UUID}) comes from the generator each evaluation is given.
 */
public final class IntrinsicExpression {

    private static final String PREFIX = "States.";

    private final String text;
    private final FunctionCall call;

    private IntrinsicExpression(String text, FunctionCall call) {
        this.text = text;
        this.call = call;
    }

    /** True when the text is meant as an intrinsic call: ASL tells them from paths by this prefix alone. */
    public static boolean isIntrinsic(String text) {
        return text != null && text.startsWith(PREFIX);
    }

    /**
     * Parses an intrinsic call.
     *
     * @throws IllegalArgumentException naming the problem (syntax, unknown function, wrong argument
     *     count, invalid path); the caller reports it as an InvalidDefinition problem
     */
    public static IntrinsicExpression parse(String text) {
        return new IntrinsicExpression(text, IntrinsicParser.parse(text));
    }

    /**
     * Evaluates the call against the data, context object and variables of a state.
     *
     * @throws appliance.engine.error.StatesFailure {@code States.IntrinsicFailure} when a function
     *     rejects its arguments, {@code States.Runtime} when a path argument finds nothing. The cause
     *     has no "An error occurred while executing the state ..." prefix: only the interpreter knows it.
     */
    public JsonNode evaluate(DataScope scope, RandomGenerator random) {
        return call.evaluate(scope, random);
    }

    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
