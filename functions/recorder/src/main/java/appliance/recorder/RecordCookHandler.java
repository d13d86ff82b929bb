package appliance.recorder;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * Lambda entry point: writes one structured log line per cook (the record of every cook: its fields under
 * {@code cook_record}, the execution's ARN as Powertools' {@code correlation_id}, all queryable with
 * CloudWatch Logs Insights), counts it in the workflow's metrics, and returns the record as the workflow's
 * output.
 */
public final class RecordCookHandler implements RequestStreamHandler {

    /** Where the execution's ARN is in the request: every line this invocation logs carries it as correlation_id. */
    static final String CORRELATION_ID_PATH = "execution_arn";

    private static final Logger LOG = LoggerFactory.getLogger(RecordCookHandler.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CookRecords records;
    private final CookMetrics metrics;

    public RecordCookHandler() {
        this(new CookRecords(JSON), CookMetrics.create());
    }

    RecordCookHandler(CookRecords records, CookMetrics metrics) {
        this.records = records;
        this.metrics = metrics;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode request = JSON.readTree(input);
        ObjectNode record = PowertoolsLogging.withLogging(context, CORRELATION_ID_PATH, request, () -> record(request));
        JSON.writeValue(output, record);
    }

    private ObjectNode record(JsonNode request) {
        ObjectNode record = records.recordOf(request);
        LOG.info("REJECTED".equals(record.path("record").asText()) ? "Rejected event recorded" : "Cook recorded",
                entry("cook_record", record));
        metrics.count(record);
        return record;
    }
}
