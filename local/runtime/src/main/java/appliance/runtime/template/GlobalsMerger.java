package appliance.runtime.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * SAM's {@code Globals}: each section ({@code Function}, {@code StateMachine}, {@code Api}, ...) applies
 * to every resource of type {@code AWS::Serverless::<section>}, before intrinsic functions are resolved.
 * SAM's rules: a primitive value in the resource overrides the global one; maps are merged key by key
 * (recursively, the resource winning); lists are appended, the global members first; when the two
 * values are of different kinds, the resource's wins.
 */
final class GlobalsMerger {

    private static final Set<String> SECTIONS = Set.of(
            "Function", "StateMachine", "Api", "HttpApi", "SimpleTable", "LayerVersion", "CapacityProvider");

    private final JsonNode globals;

    GlobalsMerger(JsonNode globals) {
        this.globals = globals == null || globals.isNull() ? JsonNodeFactory.instance.objectNode() : globals;
        if (!this.globals.isObject()) {
            throw new TemplateException("Globals: must be a map of sections (Function, StateMachine, ...)");
        }
        this.globals.fieldNames().forEachRemaining(section -> {
            if (!SECTIONS.contains(section)) {
                throw new TemplateException("Globals: '" + section + "' is not a section SAM supports (" + String.join(", ", new TreeSet<>(SECTIONS)) + ")");
            }
        });
    }

    /** The resource's Properties with its section of Globals merged in; other resources come back unchanged. */
    JsonNode mergeInto(JsonNode resource) {
        String type = resource.path("Type").asText();
        if (!type.startsWith("AWS::Serverless::")) {
            return resource;
        }
        JsonNode section = globals.get(type.substring("AWS::Serverless::".length()));
        if (section == null || !section.isObject()) {
            return resource;
        }
        ObjectNode merged = resource.deepCopy();
        JsonNode properties = resource.get("Properties");
        merged.set("Properties", merge(section, properties == null ? JsonNodeFactory.instance.objectNode() : properties));
        return merged;
    }

    static JsonNode merge(JsonNode global, JsonNode local) {
        if (global.isObject() && local.isObject()) {
            ObjectNode merged = global.deepCopy();
            for (Map.Entry<String, JsonNode> field : local.properties()) {
                JsonNode globalValue = merged.get(field.getKey());
                merged.set(field.getKey(), globalValue == null ? field.getValue().deepCopy() : merge(globalValue, field.getValue()));
            }
            return merged;
        }
        if (global.isArray() && local.isArray()) {
            ArrayNode merged = global.deepCopy();
            local.forEach(member -> merged.add(member.deepCopy()));
            return merged;
        }
        return local.deepCopy();
    }
}
