package appliance.runtime.lambda;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Request ids and execution-environment ids. Injected, so tests can assert exact log lines. */
public interface LambdaIds {
    /** A request id: a UUID, as {@code Context.getAwsRequestId()} returns it. */
    String requestId();

    /** 32 lowercase hex digits: the id at the end of an environment's log stream name. */
    String environmentId();

    static LambdaIds random() {
        return new LambdaIds() {
            @Override
            public String requestId() {
                // Not UUID.randomUUID(): SecureRandom is slow and contended, and request ids need not be secret.
                ThreadLocalRandom random = ThreadLocalRandom.current();
                long high = (random.nextLong() & ~0xF000L) | 0x4000L;
                long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
                return new UUID(high, low).toString();
            }

            @Override
            public String environmentId() {
                return requestId().replace("-", "");
            }
        };
    }
}
