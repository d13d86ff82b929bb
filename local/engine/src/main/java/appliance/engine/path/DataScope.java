package appliance.engine.path;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a path can read while a state runs: the data it applies to ({@code $}), the context object
 * ({@code $$}) and the variables in scope ({@code $name}).
 */
public record DataScope(JsonNode data, JsonNode context, VariableLookup variables) {

    public DataScope {
        if (variables == null) {
            variables = VariableLookup.NONE;
        }
    }

    public DataScope withData(JsonNode newData) {
        return new DataScope(newData, context, variables);
    }
}
