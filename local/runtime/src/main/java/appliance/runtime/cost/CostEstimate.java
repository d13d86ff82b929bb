package appliance.runtime.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What an execution would cost on AWS, run as a Standard and as an Express workflow. The parts outside
 * Step Functions (Lambda, SNS) cost the same either way and are counted in both totals.
 */
public record CostEstimate(BigDecimal stepFunctionsStandard, BigDecimal stepFunctionsExpress, BigDecimal lambda,
                           BigDecimal sns) {

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    public BigDecimal standardTotal() {
        return stepFunctionsStandard.add(lambda).add(sns);
    }

    public BigDecimal expressTotal() {
        return stepFunctionsExpress.add(lambda).add(sns);
    }

    public CostEstimate plus(CostEstimate other) {
        return new CostEstimate(stepFunctionsStandard.add(other.stepFunctionsStandard),
                stepFunctionsExpress.add(other.stepFunctionsExpress), lambda.add(other.lambda), sns.add(other.sns));
    }

    public static CostEstimate zero() {
        return new CostEstimate(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /** One line for a person: per event and per million events, for both workflow types. */
    public String summary() {
        return "Cost on AWS: Standard $" + dollars(standardTotal(), 8) + " per event ($"
                + dollars(standardTotal().multiply(MILLION), 2) + " per million); Express $"
                + dollars(expressTotal(), 8) + " per event ($" + dollars(expressTotal().multiply(MILLION), 2)
                + " per million)";
    }

    private static String dollars(BigDecimal amount, int scale) {
        return amount.setScale(scale, RoundingMode.HALF_UP).toPlainString();
    }
}
