package appliance.engine.definition;

import appliance.engine.jsonata.JsonataTemplate;
import appliance.engine.path.ReferencePath;

/**
 * A DISTRIBUTED Map's {@code ItemBatcher}: items go to child executions in batches of at most
 * {@code MaxItemsPerBatch} items and {@code MaxInputBytesPerBatch} bytes (each a fixed value, a path into
 * the state input, or a JSONata expression; all null when absent). Each child's input is
 * {@code {"BatchInput": ..., "Items": [...]}}; {@code batchInput} / {@code batchInputExpression} shape the
 * former (JSONPath / JSONata), null when the field is absent.
 */
public record ItemBatcher(
        Integer maxItemsPerBatch,
        ReferencePath maxItemsPerBatchPath,
        JsonataTemplate maxItemsPerBatchExpression,
        Integer maxInputBytesPerBatch,
        ReferencePath maxInputBytesPerBatchPath,
        JsonataTemplate maxInputBytesPerBatchExpression,
        PayloadTemplate batchInput,
        JsonataTemplate batchInputExpression) {
}
