package appliance.engine.jsonata;

import com.dashjoin.jsonata.Jsonata.JFunction;
import java.util.UUID;
import java.util.random.RandomGenerator;

/** {@code $uuid()}: a version 4 UUID drawn from the execution's injected generator. */
final class UuidFunction {

    static final String SIGNATURE = "<:s>";

    private UuidFunction() {
    }

    static JFunction create(RandomGenerator random) {
        return new JFunction((context, arguments) -> apply(random), SIGNATURE);
    }

    static String apply(RandomGenerator random) {
        long high = random.nextLong();
        long low = random.nextLong();
        high = (high & ~0xF000L) | 0x4000L;              // version 4
        low = (low & 0x3FFFFFFFFFFFFFFFL) | Long.MIN_VALUE; // IETF variant (10xx)
        return new UUID(high, low).toString();
    }
}
