package appliance.engine.run;

import appliance.engine.definition.DataFlowException;
import appliance.engine.definition.ItemBatcher;
import appliance.engine.path.DataScope;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.IntFunction;

/**
 * An ItemBatcher at work: cuts the (selected) items into batches of at most MaxItemsPerBatch items and
 * MaxInputBytesPerBatch bytes, in order; each batch is one child's input,
 * {@code {"BatchInput": ..., "Items": [...]}} ({@code BatchInput} only when the state has one). Batches
 * are cut as children start, so an item is shaped by the ItemSelector only when its batch is due.
 */
final class MapBatches {

    /** AWS's limit on a child's input, and so on a batch: 256 KiB. */
    static final int MAX_BATCH_BYTES = 262_144;

    /** One batch: the child's input and how many items it carries. */
    record Batch(JsonNode input, int itemCount) {
    }

    private final int maxItems;
    private final long maxBytes;
    private final JsonNode batchInput;
    /** The batch's bytes without items: {"BatchInput":...,"Items":[]}. */
    private final long emptyBytes;
    /** An item already shaped that did not fit the previous batch. */
    private JsonNode carried;

    private MapBatches(int maxItems, long maxBytes, JsonNode batchInput) {
        this.maxItems = maxItems;
        this.maxBytes = maxBytes;
        this.batchInput = batchInput;
        this.emptyBytes = JsonSize.utf8Bytes(shell());
    }

    /** Reads the ItemBatcher's limits and BatchInput for this run of the state. */
    static MapBatches read(StateRun run, ItemBatcher batcher, JsonNode input) {
        Integer maxItems = batcher.maxItemsPerBatch();
        if (batcher.maxItemsPerBatchPath() != null) {
            maxItems = MapStep.integer(run, input, batcher.maxItemsPerBatchPath(), "MaxItemsPerBatchPath");
        }
        if (batcher.maxItemsPerBatchExpression() != null) {
            maxItems = (int) MapStep.jsonataInteger(run, batcher.maxItemsPerBatchExpression());
        }
        Integer maxBytes = batcher.maxInputBytesPerBatch();
        if (batcher.maxInputBytesPerBatchPath() != null) {
            maxBytes = MapStep.integer(run, input, batcher.maxInputBytesPerBatchPath(), "MaxInputBytesPerBatchPath");
        }
        if (batcher.maxInputBytesPerBatchExpression() != null) {
            maxBytes = (int) MapStep.jsonataInteger(run, batcher.maxInputBytesPerBatchExpression());
        }
        if (maxItems != null && maxItems <= 0) {
            throw new DataFlowException("MaxItemsPerBatch must be a positive integer: " + maxItems);
        }
        if (maxBytes != null && (maxBytes <= 0 || maxBytes > MAX_BATCH_BYTES)) {
            throw new DataFlowException("MaxInputBytesPerBatch must be between 1 and " + MAX_BATCH_BYTES + ": " + maxBytes);
        }
        JsonNode batchInput = null;
        if (batcher.batchInput() != null) {
            batchInput = batcher.batchInput().evaluate(new DataScope(input, run.context(), run.branch.variables),
                    run.branch.execution.random);
        } else if (batcher.batchInputExpression() != null) {
            batchInput = JsonataSteps.evaluate(run,
                    () -> batcher.batchInputExpression().evaluate(JsonataSteps.bindings(run)));
        }
        return new MapBatches(maxItems == null ? Integer.MAX_VALUE : maxItems,
                maxBytes == null ? MAX_BATCH_BYTES : maxBytes, batchInput);
    }

    /**
     * The batch that starts at item {@code first} of {@code total}; {@code select} shapes an item. A
     * batch holds at least one item, even one bigger than MaxInputBytesPerBatch on its own.
     */
    Batch next(int first, int total, IntFunction<JsonNode> select) {
        ObjectNode batch = shell();
        ArrayNode items = (ArrayNode) batch.get("Items");
        long bytes = emptyBytes;
        int index = first;
        while (index < total && items.size() < maxItems) {
            JsonNode item = carried != null ? carried : select.apply(index);
            carried = null;
            long itemBytes = JsonSize.utf8Bytes(item) + (items.isEmpty() ? 0 : 1);
            if (!items.isEmpty() && bytes + itemBytes > maxBytes) {
                carried = item;
                break;
            }
            items.add(item);
            bytes += itemBytes;
            index++;
        }
        return new Batch(batch, items.size());
    }

    private ObjectNode shell() {
        ObjectNode batch = JsonNodeFactory.instance.objectNode();
        if (batchInput != null) {
            batch.set("BatchInput", batchInput);
        }
        batch.putArray("Items");
        return batch;
    }
}
