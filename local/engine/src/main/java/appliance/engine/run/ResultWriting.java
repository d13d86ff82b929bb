package appliance.engine.run;

import appliance.engine.definition.Json;
import appliance.engine.definition.MapState;
import appliance.engine.definition.ResultWriterConfig;
import appliance.engine.error.ErrorNames;
import appliance.engine.error.StatesFailure;
import appliance.engine.maprun.ObjectStore;
import appliance.engine.maprun.ObjectStoreException;
import appliance.engine.path.DataScope;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A DISTRIBUTED Map's ResultWriter: writes the children's results to S3 as AWS does, under
 * {@code PREFIX/MAP_RUN_ID/}: {@code SUCCEEDED_0.json}, {@code FAILED_0.json}, {@code PENDING_0.json}
 * (each a JSON array of the children that ended so, with their ARN, input, output or error, dates)
 * and {@code manifest.json} naming them. The state's result is then
 * {@code {"MapRunArn": ..., "ResultWriterDetails": {"Bucket": ..., "Key": ".../manifest.json"}}}.
 * A write that fails fails the state with {@code States.ResultWriterFailed}.
 */
final class ResultWriting {

    private static final String PUT_OBJECT = "arn:aws:states:::s3:putObject";

    private ResultWriting() {
    }

    static JsonNode write(StateRun run, MapState state, JsonNode input, MapRunProcessor processor) {
        ResultWriterConfig writer = state.resultWriter();
        if (!PUT_OBJECT.equals(writer.resource())) {
            throw failed("The ResultWriter resource '" + writer.resource() + "' is not supported; use " + PUT_OBJECT + ".");
        }
        JsonNode parameters = writer.arguments() != null
                ? JsonataSteps.evaluate(run, () -> writer.arguments().evaluate(JsonataSteps.bindings(run)))
                : writer.parameters() != null
                        ? writer.parameters().evaluate(new DataScope(input, run.context(), run.branch.variables),
                                run.branch.execution.random)
                        : JsonNodeFactory.instance.objectNode();
        JsonNode bucketNode = parameters.get("Bucket");
        if (bucketNode == null || !bucketNode.isTextual() || bucketNode.asText().isEmpty()) {
            throw failed("The ResultWriter's Parameters must give 'Bucket' as a non-empty string.");
        }
        String bucket = bucketNode.asText();
        String prefix = parameters.path("Prefix").asText("");
        String mapRunArn = processor.mapRunArn();
        String mapRunId = mapRunArn.substring(mapRunArn.lastIndexOf(':') + 1);
        String folder = (prefix.isEmpty() ? "" : prefix.endsWith("/") ? prefix : prefix + "/") + mapRunId + "/";
        Map<String, ArrayNode> byStatus = new LinkedHashMap<>();
        byStatus.put("FAILED", JsonNodeFactory.instance.arrayNode());
        byStatus.put("PENDING", JsonNodeFactory.instance.arrayNode());
        byStatus.put("SUCCEEDED", JsonNodeFactory.instance.arrayNode());
        for (MapRunChildResult child : processor.children()) {
            String status = child.result().status() == ExecutionStatus.SUCCEEDED ? "SUCCEEDED" : "FAILED";
            byStatus.get(status).add(entry(child));
        }
        ObjectStore store = run.branch.execution.objects;
        ObjectNode manifest = JsonNodeFactory.instance.objectNode();
        manifest.put("DestinationBucket", bucket);
        manifest.put("MapRunArn", mapRunArn);
        ObjectNode files = manifest.putObject("ResultFiles");
        try {
            for (Map.Entry<String, ArrayNode> group : byStatus.entrySet()) {
                ArrayNode list = files.putArray(group.getKey());
                if (group.getValue().isEmpty()) {
                    continue;
                }
                String key = folder + group.getKey() + "_0.json";
                byte[] content = Json.compact(group.getValue()).getBytes(StandardCharsets.UTF_8);
                store.put(bucket, key, content);
                list.addObject().put("Key", key).put("Size", content.length);
            }
            store.put(bucket, folder + "manifest.json", Json.compact(manifest).getBytes(StandardCharsets.UTF_8));
        } catch (ObjectStoreException e) {
            throw failed(e.getMessage());
        }
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.put("MapRunArn", mapRunArn);
        result.putObject("ResultWriterDetails").put("Bucket", bucket).put("Key", folder + "manifest.json");
        return result;
    }

    /** One child as AWS lists it in a result file. */
    private static ObjectNode entry(MapRunChildResult child) {
        ExecutionResult result = child.result();
        ObjectNode entry = JsonNodeFactory.instance.objectNode();
        entry.put("ExecutionArn", child.identity().executionArn());
        entry.put("Input", Json.compact(child.input()));
        entry.putObject("InputDetails").put("Included", true);
        entry.put("Name", child.identity().executionName());
        if (result.status() == ExecutionStatus.SUCCEEDED) {
            entry.put("Output", Json.compact(result.output()));
            entry.putObject("OutputDetails").put("Included", true);
        } else {
            if (result.error() != null) {
                entry.put("Error", result.error());
            }
            if (result.cause() != null) {
                entry.put("Cause", result.cause());
            }
        }
        entry.put("RedriveCount", 0);
        entry.put("RedriveStatus", "NOT_REDRIVABLE");
        entry.put("StartDate", ContextTime.format(child.startDate()));
        entry.put("StateMachineArn", child.identity().stateMachineArn());
        entry.put("Status", result.status().name());
        entry.put("StopDate", ContextTime.format(child.stopDate()));
        return entry;
    }

    private static StatesFailure failed(String cause) {
        return new StatesFailure(ErrorNames.RESULT_WRITER_FAILED, cause);
    }
}
