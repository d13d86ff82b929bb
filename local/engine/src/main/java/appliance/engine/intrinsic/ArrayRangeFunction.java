package appliance.engine.intrinsic;

import static appliance.engine.intrinsic.ArgumentType.INTEGER;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigInteger;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * {@code States.ArrayRange(first, last, step)}: first, first+step, ... up to and including last.
 * The developer guide: integers only, a non-zero step, at most 1000 items.
 */
final class ArrayRangeFunction implements IntrinsicFunction {

    static final int MAX_ITEMS = 1000;

    private static final Signature SIGNATURE = Signature.of("States.ArrayRange", INTEGER, INTEGER, INTEGER);

    @Override
    public Signature signature() {
        return SIGNATURE;
    }

    @Override
    public JsonNode apply(List<JsonNode> arguments, RandomGenerator random) {
        long first = arguments.get(0).asLong();
        long last = arguments.get(1).asLong();
        long step = arguments.get(2).asLong();
        if (step == 0) {
            throw IntrinsicFailures.of(SIGNATURE.name(), "the step (third argument) must not be 0");
        }
        // BigInteger: the span of two longs can overflow a long, and such a range is refused, not wrapped.
        BigInteger items = (step > 0 ? last >= first : last <= first)
                ? BigInteger.valueOf(last).subtract(BigInteger.valueOf(first)).divide(BigInteger.valueOf(step)).add(BigInteger.ONE)
                : BigInteger.ZERO;
        if (items.compareTo(BigInteger.valueOf(MAX_ITEMS)) > 0) {
            throw IntrinsicFailures.of(SIGNATURE.name(), "the range would have " + items
                    + " items, more than the maximum of " + MAX_ITEMS);
        }
        int count = items.intValue();
        ArrayNode range = JsonNodeFactory.instance.arrayNode(count);
        for (long i = 0, value = first; i < count; i++, value += step) {
            range.add(JsonValues.integer(value));
        }
        return range;
    }
}
