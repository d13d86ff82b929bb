package appliance.classifier;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Lambda entry point: classifies one cook event. A stream handler, because the event's envelope varies
 * and malformed JSON must come back as a clear {@link InvalidCookEventException}, not as a
 * deserialisation failure inside the Lambda runtime.
 */
public final class ClassifyCookHandler implements RequestStreamHandler {

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
        Classification classification = classifier.classify(reader.read(input));
        ObjectNode result = classification.toJson();
        context.getLogger().log("Classified cook: " + result);
        JSON.writeValue(output, result);
    }
}
