package appliance.recorder;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Lambda entry point: writes one JSON line per cook to the function's log (the record of every cook,
 * queryable with CloudWatch Logs Insights) and returns the record as the workflow's output.
 */
public final class RecordCookHandler implements RequestStreamHandler {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CookRecords records;

    public RecordCookHandler() {
        this(new CookRecords(JSON));
    }

    public RecordCookHandler(CookRecords records) {
        this.records = records;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode request = JSON.readTree(input);
        ObjectNode record = records.recordOf(request);
        context.getLogger().log(JSON.writeValueAsString(record));
        JSON.writeValue(output, record);
    }
}
