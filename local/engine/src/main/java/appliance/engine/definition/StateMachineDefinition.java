package appliance.engine.definition;

import appliance.engine.error.InvalidDefinitionException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A compiled, validated state machine (or a Parallel branch, or a Map processor): compile once, run many
 * times. {@code timeoutSeconds} is the machine-level {@code TimeoutSeconds}, null when absent.
 */
public record StateMachineDefinition(String startAt, Map<String, State> states, Integer timeoutSeconds) {

    public StateMachineDefinition {
        states = Map.copyOf(states);
    }

    /**
     * Compiles and validates a definition.
     *
     * @throws InvalidDefinitionException listing every problem found, in AWS's wording
     */
    public static StateMachineDefinition compile(JsonNode definition) {
        return new DefinitionCompiler().compileMachine(definition);
    }

    public State state(String name) {
        return states.get(name);
    }
}
