package appliance.engine.definition;

import appliance.engine.jsonata.JsonataTemplate;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A DISTRIBUTED Map's {@code ItemReader}: the {@code Resource} (such as
 * {@code arn:aws:states:::s3:getObject} or {@code arn:aws:states:::s3:listObjectsV2}), its
 * {@code Parameters} (JSONPath) or {@code Arguments} (JSONata) naming the bucket and key, and the
 * {@code ReaderConfig} object as written (InputType, CSVHeaderLocation, CSVHeaders, CSVDelimiter,
 * MaxItems, MaxItemsPath), read when the state runs.
 */
public record ItemReaderConfig(String resource, PayloadTemplate parameters, JsonataTemplate arguments,
        JsonNode readerConfig) {
}
