package appliance.runtime.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class CostEstimatorTest {

    private final AwsPrices prices = AwsPrices.load();
    private final CostEstimator estimator = new CostEstimator(prices);

    private static ExecutionUsage usage(int transitions, long durationMillis, List<ExecutionUsage.LambdaInvocation> lambdas,
                                        List<ExecutionUsage.SnsPublish> publishes) {
        return new ExecutionUsage(transitions, durationMillis, 4_000, 2_000, lambdas, publishes);
    }

    @Test
    void the_price_file_carries_the_seeds_lambda_prices() {
        assertThat(prices.lambdaPerGbSecond("arm64")).isEqualByComparingTo("0.0000133334");
        assertThat(prices.lambdaPerGbSecond("x86_64")).isEqualByComparingTo("0.000016667");
        assertThat(prices.lambdaPerRequest()).isEqualByComparingTo("0.0000002");
    }

    @Test
    void a_standard_workflow_costs_its_state_transitions() {
        CostEstimate cost = estimator.estimate(usage(9, 250, List.of(), List.of()));

        assertThat(cost.stepFunctionsStandard()).isEqualByComparingTo("0.000225");
    }

    @Test
    void an_express_workflow_costs_a_request_and_its_duration_in_100ms_steps_and_64mb_chunks() {
        CostEstimate cost = estimator.estimate(usage(9, 250, List.of(), List.of()));

        // 300 ms x 64 MB = 0.01875 GB-s at 0.00001667, plus the 0.000001 request.
        assertThat(cost.stepFunctionsExpress()).isEqualByComparingTo(
                new BigDecimal("0.000001").add(new BigDecimal("0.00001667").multiply(new BigDecimal("0.01875"))));
    }

    @Test
    void lambda_is_billed_per_request_and_per_gb_second_of_its_architecture() {
        CostEstimate arm = estimator.estimate(usage(1, 1, List.of(new ExecutionUsage.LambdaInvocation(100, 512, "arm64")), List.of()));
        CostEstimate x86 = estimator.estimate(usage(1, 1, List.of(new ExecutionUsage.LambdaInvocation(100, 512, "x86_64")), List.of()));

        // 100 ms x 0.5 GB = 0.05 GB-s.
        assertThat(arm.lambda()).isEqualByComparingTo(new BigDecimal("0.0000002").add(new BigDecimal("0.00000066667")));
        assertThat(x86.lambda()).isGreaterThan(arm.lambda());
    }

    @Test
    void sns_is_billed_per_64kb_chunk_published_and_per_delivery_by_protocol() {
        CostEstimate cost = estimator.estimate(usage(1, 1, List.of(),
                List.of(new ExecutionUsage.SnsPublish(70_000, List.of("email", "lambda")))));

        assertThat(cost.sns()).isEqualByComparingTo(new BigDecimal("0.000001").add(new BigDecimal("0.00002")));
    }

    @Test
    void the_summary_gives_per_event_and_per_million_for_both_workflow_types() {
        CostEstimate cost = new CostEstimate(new BigDecimal("0.000225"), new BigDecimal("0.000002"),
                new BigDecimal("0.000001"), BigDecimal.ZERO);

        assertThat(cost.summary()).isEqualTo("Cost on AWS: Standard $0.00022600 per event ($226.00 per million);"
                + " Express $0.00000300 per event ($3.00 per million)");
    }

    @Test
    void an_unknown_architecture_is_named() {
        assertThatThrownBy(() -> prices.lambdaPerGbSecond("riscv"))
                .hasMessageContaining("'riscv'");
    }
}
