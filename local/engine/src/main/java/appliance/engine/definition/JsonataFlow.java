package appliance.engine.definition;

import appliance.engine.jsonata.JsonataTemplate;
import java.util.Map;

/**
 * The JSONata fields of a state, a Choice rule or a Catcher, each compiled once at load, by field name:
 * {@code Arguments}, {@code Output}, {@code Assign}, {@code Condition}, {@code Items}, {@code ItemSelector},
 * and any of {@code TimeoutSeconds}, {@code HeartbeatSeconds}, {@code Seconds}, {@code Timestamp},
 * {@code MaxConcurrency}, {@code ToleratedFailureCount}, {@code ToleratedFailurePercentage}, {@code Error},
 * {@code Cause} written as a {@code {% %}} expression (a plain value there compiles as in JSONPath).
 */
public record JsonataFlow(Map<String, JsonataTemplate> fields) implements Processing {

    /** A JSONata state with no field of its own (its input passes through). */
    public static final JsonataFlow NONE = new JsonataFlow(Map.of());

    public JsonataFlow {
        fields = Map.copyOf(fields);
    }

    /** The compiled field, or null when the definition does not have it. */
    public JsonataTemplate field(String name) {
        return fields.get(name);
    }

    public JsonataTemplate arguments() {
        return fields.get("Arguments");
    }

    public JsonataTemplate output() {
        return fields.get("Output");
    }

    public JsonataTemplate assign() {
        return fields.get("Assign");
    }
}
