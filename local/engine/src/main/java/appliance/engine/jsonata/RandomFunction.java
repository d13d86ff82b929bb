package appliance.engine.jsonata;

import com.dashjoin.jsonata.Jsonata.JFunction;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * {@code $random([seed])}: a number n with 0 &lt;= n &lt; 1. Unlike standard JSONata, Step Functions takes
 * an optional integer seed: the same seed gives the same number. Without one, the number comes from the
 * execution's injected generator, so tests are repeatable. (AWS's seeded sequence cannot be reproduced
 * offline: a seed gives a stable number here, not AWS's number.)
 */
final class RandomFunction {

    static final String SIGNATURE = "<n?:n>";

    private RandomFunction() {
    }

    static JFunction create(RandomGenerator random) {
        return new JFunction((context, arguments) -> apply(random, arguments.isEmpty() ? null : arguments.get(0)),
                SIGNATURE);
    }

    static double apply(RandomGenerator random, Object seed) {
        if (seed == null) {
            return random.nextDouble();
        }
        return new SplittableRandom(FunctionArguments.wholeNumber(seed, "random", "seed")).nextDouble();
    }
}
