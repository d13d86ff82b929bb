package appliance.runtime.events;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/** Where events are put: the account and region in the envelope, and the clock and id source, injected so tests are exact. */
public record EventEnvironment(String accountId, String region, Clock clock, Supplier<String> ids) {

    public EventEnvironment {
        if (accountId == null || region == null || clock == null || ids == null) {
            throw new IllegalArgumentException("An event environment needs an account, a region, a clock and an id source");
        }
    }

    /** Account 123456789012 in us-east-1 (as Step Functions Local), the system clock and random UUIDs. */
    public static EventEnvironment local() {
        return new EventEnvironment("123456789012", "us-east-1", Clock.systemUTC(), EventEnvironment::randomId);
    }

    /**
     * A random version-4 UUID, as EventBridge's event ids are. From ThreadLocalRandom rather than
     * UUID.randomUUID: these ids need no cryptographic strength, and SecureRandom's set-up costs a cold start.
     */
    public static String randomId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
