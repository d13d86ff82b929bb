package appliance.recorder;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsBuilder;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * The workflow's business metrics, counted where every cook is recorded, in CloudWatch's embedded metric
 * format (one JSON line on standard output per invocation; CloudWatch extracts the metrics from the log, no
 * API call): {@code Cooks} per {@code outcome}, {@code CooksByPreset} per {@code preset},
 * {@code NotificationsFailed}, and {@code RejectedEvents}.
 */
final class CookMetrics {

    /** The CloudWatch namespace of the workflow's metrics. */
    static final String NAMESPACE = "ApplianceCookWorkflow";

    private static final Logger LOG = LoggerFactory.getLogger(CookMetrics.class);

    private final Metrics metrics;

    CookMetrics(Metrics metrics) {
        this.metrics = metrics;
    }

    /** Powertools' metrics of this execution environment, in the workflow's namespace. */
    static CookMetrics create() {
        return new CookMetrics(MetricsBuilder.builder().withNamespace(NAMESPACE).build());
    }

    /**
     * Counts one record and writes the metrics out (once per invocation, as Lambda expects of EMF). A metric that
     * cannot be written is logged as a warning and skipped: the record, already logged, is what must not be lost.
     */
    void count(JsonNode record) {
        try {
            countOrThrow(record);
        } catch (IllegalArgumentException unwritable) {
            LOG.warn("Metrics not written", entry("problem", unwritable.getMessage()));
        }
    }

    /**
     * A preset's name as a dimension value: Powertools refuses whitespace there, so each run of it becomes one
     * underscore ("baked potato" is counted as "baked_potato").
     */
    static String presetDimension(String preset) {
        return preset.strip().replaceAll("\\s+", "_");
    }

    private void countOrThrow(JsonNode record) {
        if ("REJECTED".equals(record.path("record").asText())) {
            metrics.addMetric("RejectedEvents", 1, MetricUnit.COUNT);
        } else {
            String preset = record.path("pre").asText(null);
            if (preset != null) {
                // Its own line: a preset is a dimension of this metric only, not of the outcome counts.
                metrics.flushSingleMetric("CooksByPreset", 1, MetricUnit.COUNT, NAMESPACE, DimensionSet.of("preset", presetDimension(preset)));
            }
            metrics.addDimension("outcome", record.path("outcome").asText("UNKNOWN"));
            metrics.addMetric("Cooks", 1, MetricUnit.COUNT);
            if ("FAILED".equals(record.path("notification").asText())) {
                metrics.addMetric("NotificationsFailed", 1, MetricUnit.COUNT);
            }
        }
        metrics.flush();
    }
}
