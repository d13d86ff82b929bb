package appliance.engine.definition;

import appliance.engine.jsonata.JsonataTemplate;
import appliance.engine.path.ReferencePath;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;

/**
 * Compiles the fields only a DISTRIBUTED Map may have: {@code ItemReader}, {@code ItemBatcher} and
 * {@code ResultWriter}. Each is refused on an INLINE Map, as AWS's validator refuses it; unknown fields
 * inside them are refused by name.
 */
final class DistributedMapFields {

    private static final Set<String> ONLY_DISTRIBUTED = Set.of("ItemReader", "ItemBatcher", "ResultWriter");
    private static final Map<Boolean, Set<String>> BATCHER_FIELDS = Map.of(
            false, Set.of("MaxItemsPerBatch", "MaxItemsPerBatchPath", "MaxInputBytesPerBatch",
                    "MaxInputBytesPerBatchPath", "BatchInput"),
            true, Set.of("MaxItemsPerBatch", "MaxInputBytesPerBatch", "BatchInput"));
    private static final Map<Boolean, Set<String>> RESOURCE_FIELDS = Map.of(
            false, Set.of("Resource", "Parameters", "ReaderConfig", "WriterConfig"),
            true, Set.of("Resource", "Arguments", "ReaderConfig", "WriterConfig"));
    private static final Set<String> READER_CONFIG_FIELDS = Set.of("InputType", "CSVHeaderLocation", "CSVHeaders",
            "CSVDelimiter", "MaxItems", "MaxItemsPath", "ManifestType");

    private final DefinitionCompiler compiler;
    private final JsonNode node;
    private final String at;
    private final boolean jsonata;

    DistributedMapFields(DefinitionCompiler compiler, JsonNode node, String at, boolean jsonata) {
        this.compiler = compiler;
        this.node = node;
        this.at = at;
        this.jsonata = jsonata;
    }

    /** An INLINE Map with a DISTRIBUTED-only field is invalid. */
    void checkMode(boolean distributed) {
        if (distributed) {
            return;
        }
        for (String field : ONLY_DISTRIBUTED) {
            if (node.has(field)) {
                compiler.problems().schema("The field '" + field
                        + "' is only supported when ItemProcessor.ProcessorConfig.Mode is DISTRIBUTED", at + "/" + field);
            }
        }
    }

    ItemBatcher itemBatcher() {
        JsonNode batcher = object("ItemBatcher");
        if (batcher == null) {
            return null;
        }
        String where = at + "/ItemBatcher";
        unknownFields(batcher, BATCHER_FIELDS.get(jsonata), where);
        if (jsonata) {
            return new ItemBatcher(null, null, expression(batcher, "MaxItemsPerBatch", where),
                    null, null, expression(batcher, "MaxInputBytesPerBatch", where),
                    null, batcher.has("BatchInput") ? compiler.jsonata(batcher.get("BatchInput"), "BatchInput", where) : null);
        }
        bothForms(batcher, "MaxItemsPerBatch", where);
        bothForms(batcher, "MaxInputBytesPerBatch", where);
        Integer maxItems = positive(batcher, "MaxItemsPerBatch", where, Integer.MAX_VALUE);
        Integer maxBytes = positive(batcher, "MaxInputBytesPerBatch", where, 262_144);
        ReferencePath maxItemsPath = compiler.path(batcher.get("MaxItemsPerBatchPath"), where + "/MaxItemsPerBatchPath",
                "MaxItemsPerBatchPath");
        ReferencePath maxBytesPath = compiler.path(batcher.get("MaxInputBytesPerBatchPath"),
                where + "/MaxInputBytesPerBatchPath", "MaxInputBytesPerBatchPath");
        JsonNode batchInput = batcher.get("BatchInput");
        if (batchInput != null && !batchInput.isObject()) {
            compiler.problems().schema("The value for the field 'BatchInput' must be an OBJECT", where + "/BatchInput");
            batchInput = null;
        }
        return new ItemBatcher(maxItems, maxItemsPath, null, maxBytes, maxBytesPath, null,
                compiler.template(batchInput, where + "/BatchInput"), null);
    }

    ItemReaderConfig itemReader() {
        JsonNode reader = object("ItemReader");
        if (reader == null) {
            return null;
        }
        String where = at + "/ItemReader";
        String resource = resource(reader, where);
        JsonNode config = reader.get("ReaderConfig");
        if (config != null && !config.isObject()) {
            compiler.problems().schema("The value for the field 'ReaderConfig' must be an OBJECT", where + "/ReaderConfig");
            config = null;
        }
        if (config != null) {
            unknownFields(config, READER_CONFIG_FIELDS, where + "/ReaderConfig");
        }
        return new ItemReaderConfig(resource, parameters(reader, where), arguments(reader, where), config);
    }

    ResultWriterConfig resultWriter() {
        JsonNode writer = object("ResultWriter");
        if (writer == null) {
            return null;
        }
        String where = at + "/ResultWriter";
        return new ResultWriterConfig(resource(writer, where), parameters(writer, where), arguments(writer, where),
                writer.get("WriterConfig"));
    }

    private JsonNode object(String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            compiler.problems().schema("The value for the field '" + field + "' must be an OBJECT", at + "/" + field);
            return null;
        }
        return value;
    }

    private String resource(JsonNode holder, String where) {
        unknownFields(holder, RESOURCE_FIELDS.get(jsonata), where);
        JsonNode resource = holder.get("Resource");
        if (resource == null || !resource.isTextual()) {
            compiler.problems().schema("These fields are required: [Resource]", where);
            return null;
        }
        return resource.asText();
    }

    private PayloadTemplate parameters(JsonNode holder, String where) {
        return jsonata ? null : compiler.template(holder.get("Parameters"), where + "/Parameters");
    }

    private JsonataTemplate arguments(JsonNode holder, String where) {
        return jsonata && holder.has("Arguments") ? compiler.jsonata(holder.get("Arguments"), "Arguments", where) : null;
    }

    private JsonataTemplate expression(JsonNode holder, String field, String where) {
        JsonNode value = holder.get(field);
        if (value == null) {
            return null;
        }
        if (!JsonataTemplate.isExpression(value) && (!value.canConvertToInt() || value.asInt() <= 0)) {
            compiler.problems().schema("The value for the field '" + field + "' must be a positive integer", where + "/" + field);
            return null;
        }
        return compiler.jsonata(value, field, where);
    }

    private void bothForms(JsonNode holder, String field, String where) {
        if (holder.has(field) && holder.has(field + "Path")) {
            compiler.problems().schema("Only one of '" + field + "' or '" + field + "Path' may be set", where);
        }
    }

    private Integer positive(JsonNode holder, String field, String where, int max) {
        JsonNode value = holder.get(field);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() <= 0 || value.asInt() > max) {
            compiler.problems().schema("The value for the field '" + field + "' must be an integer between 1 and "
                    + max, where + "/" + field);
            return null;
        }
        return value.asInt();
    }

    private void unknownFields(JsonNode holder, Set<String> known, String where) {
        holder.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                compiler.problems().schema("Field '" + name + "' is not supported", where + "/" + name);
            }
        });
    }
}
