package appliance.engine.definition;

import appliance.engine.path.DataScope;
import appliance.engine.path.PathNotFound;
import appliance.engine.path.ReferencePath;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * {@code InputPath}, {@code OutputPath} or {@code ItemsPath}: selects part of the data. A path of JSON
 * {@code null} in the definition ({@link #DISCARD}) selects an empty object, as AWS does.
 */
public record PathSelection(ReferencePath path) {

    public static final PathSelection WHOLE = new PathSelection(ReferencePath.compile("$"));
    public static final PathSelection DISCARD = new PathSelection(null);

    /** @throws DataFlowException with AWS's "Invalid path" text when the path finds nothing */
    public JsonNode select(DataScope scope) {
        if (path == null) {
            return JsonNodeFactory.instance.objectNode();
        }
        try {
            return path.readRequired(scope);
        } catch (PathNotFound e) {
            throw new DataFlowException("Invalid path '" + path.text() + "' : " + e.getMessage());
        }
    }
}
