package appliance.engine.intrinsic;

import static appliance.engine.intrinsic.ArgumentType.ARRAY;
import static appliance.engine.intrinsic.ArgumentType.INTEGER;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.random.RandomGenerator;

/** {@code States.ArrayPartition(array, size)}: chunks of {@code size} items; the last may be shorter. */
final class ArrayPartitionFunction implements IntrinsicFunction {

    private static final Signature SIGNATURE = Signature.of("States.ArrayPartition", ARRAY, INTEGER);

    @Override
    public Signature signature() {
        return SIGNATURE;
    }

    @Override
    public JsonNode apply(List<JsonNode> arguments, RandomGenerator random) {
        JsonNode array = arguments.get(0);
        long size = arguments.get(1).asLong();
        if (size <= 0) {
            throw IntrinsicFailures.of(SIGNATURE.name(), "the chunk size must be a positive integer, but was " + size);
        }
        ArrayNode chunks = JsonNodeFactory.instance.arrayNode();
        ArrayNode chunk = null;
        for (int i = 0; i < array.size(); i++) {
            if (i % size == 0) {
                chunk = chunks.addArray();
            }
            chunk.add(array.get(i));
        }
        return chunks;
    }
}
