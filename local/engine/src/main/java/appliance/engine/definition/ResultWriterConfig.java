package appliance.engine.definition;

import appliance.engine.jsonata.JsonataTemplate;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A DISTRIBUTED Map's {@code ResultWriter}: the {@code Resource} ({@code arn:aws:states:::s3:putObject}),
 * its {@code Parameters} (JSONPath) or {@code Arguments} (JSONata) naming the bucket and prefix, and the
 * {@code WriterConfig} object as written (null when absent).
 */
public record ResultWriterConfig(String resource, PayloadTemplate parameters, JsonataTemplate arguments,
        JsonNode writerConfig) {
}
