package appliance.engine.run;

import appliance.engine.definition.DataFlowException;
import appliance.engine.definition.ItemReaderConfig;
import appliance.engine.definition.MapState;
import appliance.engine.error.ErrorNames;
import appliance.engine.error.StatesFailure;
import appliance.engine.maprun.ItemFormatException;
import appliance.engine.maprun.ItemFormats;
import appliance.engine.maprun.ObjectStore;
import appliance.engine.maprun.ObjectStoreException;
import appliance.engine.path.DataScope;
import appliance.engine.path.ReferencePath;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A DISTRIBUTED Map's ItemReader: reads the items from S3 through the engine's {@link ObjectStore}.
 * {@code s3:getObject} with ReaderConfig.InputType JSON, JSONL, CSV or MANIFEST (an S3 inventory's
 * manifest.json and its CSV data files); {@code s3:listObjectsV2} gives one item per object. MaxItems
 * (or MaxItemsPath) keeps the first items only. What cannot be read fails the state with
 * {@code States.ItemReaderFailed}, as at AWS.
 */
final class ItemReading {

    static final String GET_OBJECT = "arn:aws:states:::s3:getObject";
    static final String LIST_OBJECTS = "arn:aws:states:::s3:listObjectsV2";
    /** AWS's limit on MaxItems. */
    static final long MAX_ITEMS = 100_000_000L;
    private static final Map<String, Character> DELIMITERS = Map.of("COMMA", ',', "PIPE", '|', "SEMICOLON", ';',
            "SPACE", ' ', "TAB", '\t');

    private ItemReading() {
    }

    static ArrayNode read(StateRun run, MapState state, JsonNode input) {
        ItemReaderConfig reader = state.itemReader();
        JsonNode parameters = parameters(run, reader, input);
        JsonNode config = reader.readerConfig() == null ? JsonNodeFactory.instance.objectNode() : reader.readerConfig();
        long maxItems = maxItems(run, config, input);
        ObjectStore store = run.branch.execution.objects;
        try {
            String bucket = required(parameters, "Bucket");
            if (LIST_OBJECTS.equals(reader.resource())) {
                return listing(store, bucket, parameters.path("Prefix").asText(""), maxItems);
            }
            if (!GET_OBJECT.equals(reader.resource())) {
                throw failed("The ItemReader resource '" + reader.resource() + "' is not supported; use "
                        + GET_OBJECT + " or " + LIST_OBJECTS + ".");
            }
            String key = required(parameters, "Key");
            String source = "s3://" + bucket + "/" + key;
            String inputType = config.path("InputType").asText("");
            byte[] content = store.get(bucket, key);
            return switch (inputType) {
                case "JSON" -> first(ItemFormats.jsonArray(content, source), maxItems);
                case "JSONL" -> ItemFormats.jsonLines(content, source, maxItems);
                case "CSV" -> ItemFormats.csv(content, source, delimiter(config), headers(config), maxItems);
                case "MANIFEST" -> manifest(store, content, source, maxItems);
                default -> throw failed("ReaderConfig.InputType must be one of JSON, JSONL, CSV, MANIFEST for "
                        + GET_OBJECT + (inputType.isEmpty() ? "; it is missing." : "; it is '" + inputType + "'."));
            };
        } catch (ObjectStoreException | ItemFormatException e) {
            throw failed(e.getMessage());
        }
    }

    private static StatesFailure failed(String cause) {
        return new StatesFailure(ErrorNames.ITEM_READER_FAILED, cause);
    }

    private static JsonNode parameters(StateRun run, ItemReaderConfig reader, JsonNode input) {
        if (reader.arguments() != null) {
            return JsonataSteps.evaluate(run, () -> reader.arguments().evaluate(JsonataSteps.bindings(run)));
        }
        if (reader.parameters() != null) {
            return reader.parameters().evaluate(new DataScope(input, run.context(), run.branch.variables),
                    run.branch.execution.random);
        }
        return JsonNodeFactory.instance.objectNode();
    }

    private static String required(JsonNode parameters, String field) {
        JsonNode value = parameters.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw failed("The ItemReader's Parameters must give '" + field + "' as a non-empty string.");
        }
        return value.asText();
    }

    private static long maxItems(StateRun run, JsonNode config, JsonNode input) {
        long maxItems = MAX_ITEMS;
        JsonNode value = config.get("MaxItems");
        if (value != null) {
            if (!value.canConvertToLong() || value.asLong() < 0 || value.asLong() > MAX_ITEMS) {
                throw new DataFlowException("ReaderConfig.MaxItems must be an integer between 0 and " + MAX_ITEMS + ".");
            }
            maxItems = value.asLong();
        }
        JsonNode path = config.get("MaxItemsPath");
        if (path != null && path.isTextual()) {
            try {
                maxItems = MapStep.integer(run, input, ReferencePath.compile(path.asText()), "MaxItemsPath");
            } catch (IllegalArgumentException e) {
                throw new DataFlowException("ReaderConfig.MaxItemsPath is not a valid path: " + path.asText());
            }
        }
        // AWS reads 0 as "no limit".
        return maxItems == 0 ? MAX_ITEMS : maxItems;
    }

    private static char delimiter(JsonNode config) {
        String name = config.path("CSVDelimiter").asText("COMMA");
        Character delimiter = DELIMITERS.get(name);
        if (delimiter == null) {
            throw failed("ReaderConfig.CSVDelimiter must be one of COMMA, PIPE, SEMICOLON, SPACE, TAB; it is '" + name + "'.");
        }
        return delimiter;
    }

    /** The given headers, or null when the first row holds them. */
    private static List<String> headers(JsonNode config) {
        String location = config.path("CSVHeaderLocation").asText("FIRST_ROW");
        if ("FIRST_ROW".equals(location)) {
            return null;
        }
        if (!"GIVEN".equals(location)) {
            throw failed("ReaderConfig.CSVHeaderLocation must be FIRST_ROW or GIVEN; it is '" + location + "'.");
        }
        JsonNode headers = config.get("CSVHeaders");
        if (headers == null || !headers.isArray() || headers.isEmpty()) {
            throw failed("ReaderConfig.CSVHeaders must list the column names when CSVHeaderLocation is GIVEN.");
        }
        List<String> names = new ArrayList<>();
        headers.forEach(header -> names.add(header.asText()));
        return names;
    }

    private static ArrayNode first(ArrayNode items, long maxItems) {
        if (items.size() <= maxItems) {
            return items;
        }
        ArrayNode kept = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < maxItems; i++) {
            kept.add(items.get(i));
        }
        return kept;
    }

    /** ListObjectsV2: one item per object, with the fields AWS gives each child. */
    private static ArrayNode listing(ObjectStore store, String bucket, String prefix, long maxItems) {
        ArrayNode items = JsonNodeFactory.instance.arrayNode();
        for (ObjectStore.ObjectSummary object : store.list(bucket, prefix)) {
            if (items.size() >= maxItems) {
                break;
            }
            ObjectNode item = items.addObject();
            item.put("Etag", object.etag());
            item.put("Key", object.key());
            item.put("LastModified", object.lastModified());
            item.put("Size", object.size());
            item.put("StorageClass", object.storageClass());
        }
        return items;
    }

    /**
     * An S3 inventory: the manifest names the CSV data files (in its destination bucket) and the
     * columns (fileSchema); each row of each file is an item with those columns.
     */
    private static ArrayNode manifest(ObjectStore store, byte[] content, String source, long maxItems) {
        JsonNode manifest = ItemFormats.jsonObject(content, source);
        if (!"CSV".equals(manifest.path("fileFormat").asText())) {
            throw failed(source + ": only CSV S3 inventories can be read; fileFormat is '"
                    + manifest.path("fileFormat").asText() + "'.");
        }
        List<String> columns = new ArrayList<>();
        for (String column : manifest.path("fileSchema").asText().split(",")) {
            columns.add(column.strip());
        }
        String destination = manifest.path("destinationBucket").asText();
        String bucket = destination.startsWith("arn:aws:s3:::") ? destination.substring("arn:aws:s3:::".length()) : destination;
        if (bucket.isEmpty() || columns.isEmpty() || !manifest.path("files").isArray()) {
            throw failed(source + " is not an S3 inventory manifest: it needs destinationBucket, fileSchema and files.");
        }
        ArrayNode items = JsonNodeFactory.instance.arrayNode();
        for (JsonNode file : manifest.get("files")) {
            if (items.size() >= maxItems) {
                break;
            }
            String key = file.path("key").asText();
            String fileSource = "s3://" + bucket + "/" + key;
            byte[] data = ItemFormats.gunzipIfZipped(store.get(bucket, key), fileSource);
            items.addAll(ItemFormats.csv(data, fileSource, ',', columns, maxItems - items.size()));
        }
        return items;
    }
}
