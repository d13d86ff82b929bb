package appliance.classifier;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * Lambda entry point: classifies one cook event. A stream handler, because the event's envelope varies
 * and malformed JSON must come back as a clear {@link InvalidCookEventException}, not as a
 * deserialisation failure inside the Lambda runtime. Logs are Powertools' JSON lines: the classification
 * (or the rejection's problems) as fields, beside the Lambda context's.
 */
public final class ClassifyCookHandler implements RequestStreamHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ClassifyCookHandler.class);

    // Built once per execution environment: reused across warm invocations and captured by SnapStart.
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CookEventReader reader;
    private final CookClassifier classifier;

    public ClassifyCookHandler() {
        this(new CookEventReader(JSON), new CookClassifier());
    }

    public ClassifyCookHandler(CookEventReader reader, CookClassifier classifier) {
        this.reader = reader;
        this.classifier = classifier;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        ObjectNode result = PowertoolsLogging.withLogging(context, () -> classify(input));
        JSON.writeValue(output, result);
    }

    private ObjectNode classify(InputStream input) {
        try {
            ObjectNode result = classifier.classify(reader.read(input)).toJson();
            LOG.info("Classified cook", entry("cook", result));
            return result;
        } catch (InvalidCookEventException rejected) {
            LOG.warn("Rejected cook event", entry("problems", rejected.problems()));
            throw rejected;
        }
    }
}
