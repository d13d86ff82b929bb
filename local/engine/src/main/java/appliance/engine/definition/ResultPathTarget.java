package appliance.engine.definition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ResultPath}: where a state's result goes in its raw input. {@code $} replaces the input, a
 * field path such as {@code $.a.b} writes there (creating missing objects), JSON {@code null}
 * ({@link #DISCARD}) keeps the input and drops the result.
 */
public record ResultPathTarget(String text, List<String> fields, boolean discard) {

    public static final ResultPathTarget WHOLE = new ResultPathTarget("$", List.of(), false);
    public static final ResultPathTarget DISCARD = new ResultPathTarget(null, List.of(), true);

    public ResultPathTarget {
        fields = List.copyOf(fields);
    }

    /**
     * Parses a ResultPath: {@code $} followed by {@code .name} or {@code ['name']} steps.
     *
     * @throws IllegalArgumentException when it is not such a path
     */
    public static ResultPathTarget parse(String text) {
        if (text == null || !text.startsWith("$") || text.startsWith("$$")) {
            throw new IllegalArgumentException("The value for the field 'ResultPath' must be a valid JSONPath");
        }
        List<String> fields = new ArrayList<>();
        int i = 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '.') {
                int end = i + 1;
                while (end < text.length() && text.charAt(end) != '.' && text.charAt(end) != '[') {
                    end++;
                }
                if (end == i + 1) {
                    throw new IllegalArgumentException("The value for the field 'ResultPath' must be a valid ReferencePath");
                }
                fields.add(text.substring(i + 1, end));
                i = end;
            } else if (text.startsWith("['", i)) {
                int end = text.indexOf("']", i + 2);
                if (end < 0) {
                    throw new IllegalArgumentException("The value for the field 'ResultPath' must be a valid ReferencePath");
                }
                fields.add(text.substring(i + 2, end));
                i = end + 2;
            } else {
                throw new IllegalArgumentException("The value for the field 'ResultPath' must be a valid ReferencePath");
            }
        }
        return new ResultPathTarget(text, fields, false);
    }

    /**
     * Puts the result into (a copy of) the raw input.
     *
     * @throws DataFlowException when a step of the path meets a value that is not an object
     */
    public JsonNode apply(JsonNode rawInput, JsonNode result) {
        if (discard) {
            return rawInput;
        }
        if (fields.isEmpty()) {
            return result;
        }
        if (!rawInput.isObject()) {
            throw cannotApply(rawInput);
        }
        // Copy only the objects on the path; the rest is shared, as the engine never changes a JSON tree
        // once it is made.
        ObjectNode root = shallowCopy((ObjectNode) rawInput);
        ObjectNode current = root;
        for (int i = 0; i < fields.size() - 1; i++) {
            JsonNode child = current.get(fields.get(i));
            if (child == null || child.isNull()) {
                child = current.putObject(fields.get(i));
            } else if (!child.isObject()) {
                throw cannotApply(rawInput);
            } else {
                child = shallowCopy((ObjectNode) child);
                current.set(fields.get(i), child);
            }
            current = (ObjectNode) child;
        }
        current.set(fields.get(fields.size() - 1), result);
        return root;
    }

    private static ObjectNode shallowCopy(ObjectNode node) {
        ObjectNode copy = JsonNodeFactory.instance.objectNode();
        copy.setAll(node);
        return copy;
    }

    private DataFlowException cannotApply(JsonNode rawInput) {
        return new DataFlowException("Unable to apply ResultPath '" + text + "' to input '" + Json.compact(rawInput) + "'");
    }

    public static ObjectNode emptyObject() {
        return JsonNodeFactory.instance.objectNode();
    }
}
