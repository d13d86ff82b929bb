package appliance.runtime.lambda;

import java.util.concurrent.atomic.AtomicInteger;

/** Predictable ids: request 1 is 00000000-0000-4000-8000-000000000001, environments 000...01, 000...02. */
final class SequentialIds implements LambdaIds {
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger environments = new AtomicInteger();

    @Override
    public String requestId() {
        return String.format("00000000-0000-4000-8000-%012d", requests.incrementAndGet());
    }

    @Override
    public String environmentId() {
        return String.format("%032d", environments.incrementAndGet());
    }
}
