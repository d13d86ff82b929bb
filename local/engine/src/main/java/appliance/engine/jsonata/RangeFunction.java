package appliance.engine.jsonata;

import com.dashjoin.jsonata.Jsonata.JFunction;
import com.dashjoin.jsonata.Utils;
import java.util.List;

/**
 * {@code $range(start, end, step)}: the numbers from start to end (inclusive) by step (the JSONata form of
 * {@code States.ArrayRange}). The result is a JSONata sequence, not a plain array: AWS returns {@code 1}
 * for {@code $range(1, 9, 9)}, which is how JSONata unwraps a sequence of one; an empty range is undefined.
 */
final class RangeFunction {

    static final String SIGNATURE = "<nnn:a>";
    /**
     * The most items one call may produce. AWS's own limit for {@code $range} is not documented; this is
     * the limit JSONata puts on its range operator ({@code [1..n]}, error D2014), so a runaway step cannot
     * exhaust memory while any range JSONata itself allows still works.
     */
    static final int MAX_ITEMS = 1_000_000;

    private RangeFunction() {
    }

    static JFunction create() {
        return new JFunction((context, arguments) -> apply(arguments.get(0), arguments.get(1), arguments.get(2)),
                SIGNATURE);
    }

    static List<Object> apply(Object startArgument, Object endArgument, Object stepArgument) {
        long start = FunctionArguments.wholeNumber(startArgument, "range", "start");
        long end = FunctionArguments.wholeNumber(endArgument, "range", "end");
        long step = FunctionArguments.wholeNumber(stepArgument, "range", "step");
        if (step == 0) {
            throw new JsonataFunctionException("The argument 'step' of $range must not be 0");
        }
        List<Object> sequence = Utils.createSequence();
        for (long value = start; step > 0 ? value <= end : value >= end; value += step) {
            if (sequence.size() == MAX_ITEMS) {
                throw new JsonataFunctionException("$range would return more than " + MAX_ITEMS + " items");
            }
            sequence.add(value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE ? (Object) (int) value : (Object) value);
        }
        return sequence;
    }
}
