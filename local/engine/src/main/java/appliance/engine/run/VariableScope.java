package appliance.engine.run;

import appliance.engine.path.VariableLookup;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/**
 * The variables one branch can see: its own (written by {@code Assign}) and, read-only, those of the
 * branch around it. A Map iteration or Parallel branch gets a child scope, so its assignments never
 * leak out.
 */
final class VariableScope implements VariableLookup {

    private final VariableScope outer;
    private final Map<String, JsonNode> own = new HashMap<>();

    VariableScope(VariableScope outer) {
        this.outer = outer;
    }

    @Override
    public JsonNode find(String name) {
        JsonNode value = own.get(name);
        if (value != null) {
            return value;
        }
        return outer == null ? null : outer.find(name);
    }

    void assign(Map<String, JsonNode> values) {
        own.putAll(values);
    }
}
