package appliance.runtime.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Resolves CloudFormation intrinsic functions in a template value, depth first. A one-key object whose
 * key is {@code Ref} or {@code Fn::*} is a function call; each function is one class (see
 * {@link IntrinsicFunctions}). A value that resolves to {@code AWS::NoValue} (a MissingNode) is removed
 * from the object or list around it.
 */
final class IntrinsicResolver {

    private final Map<String, JsonNode> parameters;
    private final PseudoParameters pseudo;
    private final JsonNode conditions;
    private final JsonNode mappings;
    private ResourceReferences resources;
    private final Map<String, Boolean> conditionValues = new HashMap<>();
    private final Set<String> conditionsInProgress = new HashSet<>();

    IntrinsicResolver(Map<String, JsonNode> parameters, PseudoParameters pseudo, JsonNode conditions, JsonNode mappings) {
        this.parameters = parameters;
        this.pseudo = pseudo;
        this.conditions = conditions == null ? JsonNodeFactory.instance.objectNode() : conditions;
        this.mappings = mappings == null ? JsonNodeFactory.instance.objectNode() : mappings;
        this.resources = NO_RESOURCES;
    }

    /** Resources come after conditions: conditions may not reference resources, and resources need conditions. */
    void useResources(ResourceReferences references) {
        this.resources = references;
    }

    ResourceReferences resources() {
        return resources;
    }

    JsonNode mappings() {
        return mappings;
    }

    /** A template parameter's value, or null. */
    JsonNode parameter(String name) {
        return parameters.get(name);
    }

    /** A pseudo parameter's value, or null. */
    JsonNode pseudoParameter(String name) {
        return pseudo.value(name);
    }

    /**
     * Resolves every intrinsic function inside {@code value}.
     *
     * @param where the start of an error message, e.g. {@code Resource ClassifyCookFunction}
     */
    JsonNode resolve(JsonNode value, String where) {
        if (value == null) {
            return null;
        }
        if (value.isObject()) {
            String function = functionName(value);
            if (function != null) {
                return IntrinsicFunctions.apply(function, value.get(function), this, where);
            }
            ObjectNode resolved = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> field : value.properties()) {
                JsonNode fieldValue = resolve(field.getValue(), where);
                if (!fieldValue.isMissingNode()) {
                    resolved.set(field.getKey(), fieldValue);
                }
            }
            return resolved;
        }
        if (value.isArray()) {
            ArrayNode resolved = JsonNodeFactory.instance.arrayNode();
            for (JsonNode member : value) {
                JsonNode memberValue = resolve(member, where);
                if (!memberValue.isMissingNode()) {
                    resolved.add(memberValue);
                }
            }
            return resolved;
        }
        return value;
    }

    /** The intrinsic function this object calls, or null when it is plain data. */
    static String functionName(JsonNode value) {
        if (value.size() != 1) {
            return null;
        }
        String key = value.fieldNames().next();
        return key.equals("Ref") || key.startsWith("Fn::") ? key : null;
    }

    /**
     * Evaluates a condition function ({@code Fn::Equals}, {@code Fn::And}, ..., {@code {"Condition": name}})
     * or a bare condition name, to a boolean.
     */
    boolean evaluateCondition(JsonNode value, String where) {
        if (value != null && value.isObject() && value.size() == 1 && value.has("Condition")) {
            return condition(value.get("Condition").asText(), where);
        }
        if (value != null && value.isTextual()) {
            return condition(value.asText(), where);
        }
        JsonNode result = resolve(value, where);
        if (result != null && result.isBoolean()) {
            return result.booleanValue();
        }
        if (result != null && result.isTextual() && (result.asText().equals("true") || result.asText().equals("false"))) {
            return Boolean.parseBoolean(result.asText());
        }
        throw new TemplateException(where + ": a condition must be Fn::Equals, Fn::Not, Fn::And, Fn::Or or a Condition name, got "
                + (value == null ? "nothing" : value.toString()));
    }

    /** The value of a named condition from the {@code Conditions} section, evaluated once. */
    boolean condition(String name, String where) {
        Boolean known = conditionValues.get(name);
        if (known != null) {
            return known;
        }
        JsonNode declaration = conditions.get(name);
        if (declaration == null) {
            throw new TemplateException(where + ": no condition " + name + " in Conditions");
        }
        if (!conditionsInProgress.add(name)) {
            throw new TemplateException("Condition " + name + ": refers to itself through other conditions");
        }
        try {
            boolean value = evaluateCondition(declaration, "Condition " + name);
            conditionValues.put(name, value);
            return value;
        } finally {
            conditionsInProgress.remove(name);
        }
    }

    private static final ResourceReferences NO_RESOURCES = new ResourceReferences() {
        @Override
        public boolean has(String logicalId) {
            return false;
        }

        @Override
        public JsonNode ref(String logicalId, String where) {
            throw new TemplateException(where + ": !Ref " + logicalId + ": no parameter " + logicalId + " (conditions may refer to parameters only)");
        }

        @Override
        public JsonNode getAtt(String logicalId, String attribute, String where) {
            throw new TemplateException(where + ": !GetAtt " + logicalId + "." + attribute + ": conditions may not refer to resources");
        }
    };
}
