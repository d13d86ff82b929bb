package appliance.engine.intrinsic;

import static appliance.engine.intrinsic.ArgumentType.INTEGER;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * {@code States.MathRandom(start, end[, seed])}: an integer from start (inclusive) to end (exclusive).
 * Without a seed it draws from the execution's injected generator. With a seed it is deterministic:
 * the same seed always gives the same number. AWS does not document its seeded generator, so ours
 * ({@link java.util.Random} seeded with the value) repeats per seed but need not give AWS's number.
 */
final class MathRandomFunction implements IntrinsicFunction {

    private static final Signature SIGNATURE = Signature.optional("States.MathRandom", 2, INTEGER, INTEGER, INTEGER);

    @Override
    public Signature signature() {
        return SIGNATURE;
    }

    @Override
    public JsonNode apply(List<JsonNode> arguments, RandomGenerator random) {
        long start = arguments.get(0).asLong();
        long end = arguments.get(1).asLong();
        if (start >= end) {
            throw IntrinsicFailures.of(SIGNATURE.name(), "the start (" + start + ") must be less than the end (" + end + ")");
        }
        RandomGenerator source = arguments.size() == 3 ? new Random(arguments.get(2).asLong()) : random;
        return JsonValues.integer(source.nextLong(start, end));
    }
}
