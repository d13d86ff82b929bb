package appliance.engine.jsonata;

import com.dashjoin.jsonata.Jsonata.JFunction;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code $partition(array, size)}: the array cut into chunks of {@code size} items, the last one possibly
 * shorter (the JSONata form of {@code States.ArrayPartition}). The result is a plain array, so a single
 * chunk stays wrapped: {@code $partition([0], 5)} is {@code [[0]]}, as AWS returns it.
 */
final class PartitionFunction {

    /** JSONata signature: an array (a single value is taken as a one-item array) and a number. */
    static final String SIGNATURE = "<an:a>";

    private PartitionFunction() {
    }

    static JFunction create() {
        return new JFunction((context, arguments) -> apply((List<?>) arguments.get(0), arguments.get(1)), SIGNATURE);
    }

    static List<Object> apply(List<?> array, Object sizeArgument) {
        long size = FunctionArguments.wholeNumber(sizeArgument, "partition", "size");
        if (size <= 0) {
            throw new JsonataFunctionException("The argument 'size' of $partition must be a positive integer, but was: "
                    + size);
        }
        List<Object> chunks = new ArrayList<>();
        List<?> items = array == null ? List.of() : array;
        for (int start = 0; start < items.size(); start += (int) Math.min(size, Integer.MAX_VALUE)) {
            int end = (int) Math.min(items.size(), start + size);
            chunks.add(new ArrayList<>(items.subList(start, end)));
        }
        return chunks;
    }
}
