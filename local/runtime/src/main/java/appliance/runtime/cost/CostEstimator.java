package appliance.runtime.cost;

import java.math.BigDecimal;
import java.math.MathContext;

/** Prices an execution's usage with AWS's billing rules (see aws-prices.json for the prices and their sources). */
public final class CostEstimator {

    private static final BigDecimal MB_PER_GB = BigDecimal.valueOf(1024);
    private static final BigDecimal MS_PER_SECOND = BigDecimal.valueOf(1000);
    private static final int BYTES_PER_MB = 1024 * 1024;

    private final AwsPrices prices;

    public CostEstimator(AwsPrices prices) {
        this.prices = prices;
    }

    public CostEstimate estimate(ExecutionUsage usage) {
        return new CostEstimate(standard(usage), express(usage), lambda(usage), sns(usage));
    }

    private BigDecimal standard(ExecutionUsage usage) {
        return prices.standardPerStateTransition().multiply(BigDecimal.valueOf(usage.stateTransitions()));
    }

    /** A request, plus duration rounded up to 100 ms times memory billed in 64 MB chunks. */
    private BigDecimal express(ExecutionUsage usage) {
        long rounding = prices.expressDurationRoundingMs();
        long billedMillis = Math.max(rounding, ceilToMultiple(usage.durationMillis(), rounding));
        long memoryBytes = (long) prices.expressBaseMemoryMb() * BYTES_PER_MB + usage.definitionBytes()
                + usage.largestPayloadBytes();
        long chunkBytes = (long) prices.expressMemoryChunkMb() * BYTES_PER_MB;
        long billedMb = ceilToMultiple(memoryBytes, chunkBytes) / BYTES_PER_MB;
        return prices.expressPerRequest().add(prices.expressPerGbSecond().multiply(gbSeconds(billedMillis, billedMb)));
    }

    private BigDecimal lambda(ExecutionUsage usage) {
        BigDecimal total = BigDecimal.ZERO;
        for (ExecutionUsage.LambdaInvocation invocation : usage.lambdaInvocations()) {
            total = total.add(prices.lambdaPerRequest())
                    .add(prices.lambdaPerGbSecond(invocation.architecture())
                            .multiply(gbSeconds(invocation.billedMillis(), invocation.memoryMb())));
        }
        return total;
    }

    /** Each 64 KB chunk of a published message is billed as a request; each delivery by its protocol. */
    private BigDecimal sns(ExecutionUsage usage) {
        BigDecimal total = BigDecimal.ZERO;
        for (ExecutionUsage.SnsPublish publish : usage.snsPublishes()) {
            long chunks = Math.max(1, ceilToMultiple(publish.messageBytes(), prices.snsPublishChunkBytes())
                    / prices.snsPublishChunkBytes());
            total = total.add(prices.snsPerPublish().multiply(BigDecimal.valueOf(chunks)));
            for (String protocol : publish.deliveryProtocols()) {
                total = total.add(prices.snsPerDelivery(protocol));
            }
        }
        return total;
    }

    private static BigDecimal gbSeconds(long millis, long memoryMb) {
        return BigDecimal.valueOf(millis).multiply(BigDecimal.valueOf(memoryMb))
                .divide(MS_PER_SECOND.multiply(MB_PER_GB), MathContext.DECIMAL64);
    }

    private static long ceilToMultiple(long value, long multiple) {
        return ((value + multiple - 1) / multiple) * multiple;
    }
}
