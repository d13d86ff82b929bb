package appliance.engine.jsonata;

import appliance.engine.path.VariableLookup;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * What a JSONata expression sees while a state runs.
 * <ul>
 *   <li>{@code $states.input}: the state's input, in every field.</li>
 *   <li>{@code $states.context}: the context object ({@code $$} in JSONPath).</li>
 *   <li>{@code $states.result}: the task, Parallel or Map result; AWS shows it only in the state's
 *       {@code Output} and {@code Assign}. Absent (null here) everywhere else.</li>
 *   <li>{@code $states.errorOutput}: the error output; AWS shows it only in a Catcher's {@code Output}
 *       and {@code Assign}. Absent (null here) everywhere else.</li>
 *   <li>{@code $name}: the workflow variables in scope, as they were before the state ran (a state's
 *       {@code Output} and {@code Assign} do not see its own assignments).</li>
 *   <li>{@code now}: the time {@code $now()} and {@code $millis()} return (the engine has no wall clock);
 *       {@code random}: where {@code $random()} and {@code $uuid()} draw from.</li>
 * </ul>
 * Build one with {@link #of} for the input phase, then {@link #withResult} or {@link #withErrorOutput}
 * for the fields that may see more.
 */
public record JsonataBindings(
        JsonNode input,
        JsonNode context,
        JsonNode result,
        JsonNode errorOutput,
        VariableLookup variables,
        RandomGenerator random,
        Instant now) {

    public JsonataBindings {
        input = input == null ? NullNode.instance : input;
        context = context == null ? NullNode.instance : context;
        variables = variables == null ? VariableLookup.NONE : variables;
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(now, "now");
    }

    /** Bindings for fields that see only the input, the context and the variables (Arguments, Items, ...). */
    public static JsonataBindings of(JsonNode input, JsonNode context, VariableLookup variables,
                                     RandomGenerator random, Instant now) {
        return new JsonataBindings(input, context, null, null, variables, random, now);
    }

    /** The same bindings with {@code $states.result} visible: for a state's Output and Assign. */
    public JsonataBindings withResult(JsonNode stateResult) {
        return new JsonataBindings(input, context, nullToJsonNull(stateResult), null, variables, random, now);
    }

    /** The same bindings with {@code $states.errorOutput} visible: for a Catcher's Output and Assign. */
    public JsonataBindings withErrorOutput(JsonNode stateErrorOutput) {
        return new JsonataBindings(input, context, null, nullToJsonNull(stateErrorOutput), variables, random, now);
    }

    private static JsonNode nullToJsonNull(JsonNode node) {
        return node == null ? NullNode.instance : node;
    }

    /** The {@code $states} object in the jsonata library's value form: only the members visible here. */
    Map<String, Object> statesObject() {
        Map<String, Object> states = new LinkedHashMap<>();
        states.put("input", JsonataValues.toJsonata(input));
        if (result != null) {
            states.put("result", JsonataValues.toJsonata(result));
        }
        if (errorOutput != null) {
            states.put("errorOutput", JsonataValues.toJsonata(errorOutput));
        }
        states.put("context", JsonataValues.toJsonata(context));
        return states;
    }
}
