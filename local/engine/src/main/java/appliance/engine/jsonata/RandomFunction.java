package appliance.engine.jsonata;

import com.dashjoin.jsonata.Jsonata.JFunction;
import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * {@code $random([seed])}: a number n with 0 &lt;= n &lt; 1. Unlike standard JSONata, Step Functions takes
 * an optional seed: the same seed gives the same number. AWS's seeded number is the first
 * {@code java.util.Random(seed).nextDouble()} ({@code $random(42)} is 0.7275636800328681 there too), so a
 * seeded call matches AWS exactly. Without a seed the number comes from the execution's injected
 * generator, so tests are repeatable.
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
        if (!(seed instanceof Number number)) {
            throw new JsonataFunctionException("The argument 'seed' of $random must be a number, but was: "
                    + FunctionArguments.describe(seed));
        }
        return new Random(number.longValue()).nextDouble();
    }
}
