package appliance.engine.intrinsic;

import static appliance.engine.intrinsic.ArgumentType.NUMBER;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * {@code States.MathAdd(a, b)}: the sum of two integers. AWS rounds each decimal operand first, half
 * up towards positive infinity (1.5 to 2, -1.5 to -1, -2.5 to -2), as {@link Math#round(double)} does:
 * the corpus records 1.49 + 1.5 = 3 and -1.5 + -1.51 = -3.
 */
final class MathAddFunction implements IntrinsicFunction {

    private static final Signature SIGNATURE = Signature.of("States.MathAdd", NUMBER, NUMBER);

    @Override
    public Signature signature() {
        return SIGNATURE;
    }

    @Override
    public JsonNode apply(List<JsonNode> arguments, RandomGenerator random) {
        return JsonValues.integer(operand(arguments.get(0), 0) + operand(arguments.get(1), 1));
    }

    private static long operand(JsonNode value, int index) {
        long rounded = value.isIntegralNumber() ? value.asLong() : Math.round(value.doubleValue());
        if (!value.canConvertToLong() || rounded < Integer.MIN_VALUE || rounded > Integer.MAX_VALUE) {
            throw IntrinsicFailures.of(SIGNATURE.name(), "the argument at index " + index
                    + " must be between -2147483648 and 2147483647, but was " + value);
        }
        return rounded;
    }
}
