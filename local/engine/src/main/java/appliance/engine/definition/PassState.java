package appliance.engine.definition;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code Pass}: hands on its input, its {@code Parameters} or its fixed {@code Result} (null when absent). */
public record PassState(String name, Transition transition, Processing processing, JsonNode result) implements State {

    @Override
    public String type() {
        return "Pass";
    }
}
