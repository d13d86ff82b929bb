package appliance.runtime.cost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * AWS's prices, read from one file ({@code aws-prices.json} beside this class) that names where each comes
 * from. Money is BigDecimal: a per-event cost is a few millionths of a dollar, and rounding there would
 * make the per-million figure wrong.
 */
public record AwsPrices(
        String region,
        BigDecimal standardPerStateTransition,
        BigDecimal expressPerRequest,
        BigDecimal expressPerGbSecond,
        int expressBaseMemoryMb,
        int expressMemoryChunkMb,
        int expressDurationRoundingMs,
        BigDecimal lambdaPerRequest,
        Map<String, BigDecimal> lambdaPerGbSecondByArchitecture,
        BigDecimal snsPerPublish,
        int snsPublishChunkBytes,
        Map<String, BigDecimal> snsPerDeliveryByProtocol) {

    private static final String RESOURCE = "aws-prices.json";

    public static AwsPrices load() {
        try (InputStream in = AwsPrices.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The price file " + RESOURCE + " is missing from the runtime's resources");
            }
            return fromJson(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the price file " + RESOURCE, e);
        }
    }

    static AwsPrices fromJson(JsonNode prices) {
        JsonNode sfn = prices.path("stepFunctions");
        JsonNode lambda = prices.path("lambda");
        JsonNode sns = prices.path("sns");
        return new AwsPrices(
                prices.path("region").asText(),
                money(sfn, "standardPerStateTransition"),
                money(sfn, "expressPerRequest"),
                money(sfn, "expressPerGbSecond"),
                sfn.path("expressBaseMemoryMb").asInt(),
                sfn.path("expressMemoryChunkMb").asInt(),
                sfn.path("expressDurationRoundingMs").asInt(),
                money(lambda, "perRequest"),
                moneyByName(lambda.path("perGbSecond")),
                money(sns, "perPublish"),
                sns.path("publishChunkBytes").asInt(),
                moneyByName(sns.path("perDelivery")));
    }

    private static BigDecimal money(JsonNode section, String field) {
        JsonNode value = section.get(field);
        if (value == null || !value.isNumber()) {
            throw new IllegalStateException("The price file has no number for " + field);
        }
        return value.decimalValue();
    }

    private static Map<String, BigDecimal> moneyByName(JsonNode section) {
        Map<String, BigDecimal> byName = new TreeMap<>();
        section.properties().forEach(entry -> byName.put(entry.getKey(), entry.getValue().decimalValue()));
        return Map.copyOf(byName);
    }

    public BigDecimal lambdaPerGbSecond(String architecture) {
        BigDecimal price = lambdaPerGbSecondByArchitecture.get(architecture);
        if (price == null) {
            throw new IllegalArgumentException("No Lambda price for architecture '" + architecture
                    + "'; the price file has " + lambdaPerGbSecondByArchitecture.keySet());
        }
        return price;
    }

    /** The price of one delivery by the protocol; zero for protocols SNS does not charge (Lambda, SQS). */
    public BigDecimal snsPerDelivery(String protocol) {
        return snsPerDeliveryByProtocol.getOrDefault(protocol, BigDecimal.ZERO);
    }
}
