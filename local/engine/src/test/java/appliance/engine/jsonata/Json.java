package appliance.engine.jsonata;

import appliance.engine.path.VariableLookup;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Map;
import java.util.SplittableRandom;

/** Test helpers: JSON from text, and bindings with a fixed time and a seeded generator. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final Instant NOW = Instant.parse("2024-11-22T10:29:58.123Z");

    private Json() {
    }

    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("bad test JSON: " + text, e);
        }
    }

    static JsonataBindings bindings(String input) {
        return bindings(input, Map.of());
    }

    static JsonataBindings bindings(String input, Map<String, JsonNode> variables) {
        VariableLookup lookup = variables::get;
        return JsonataBindings.of(json(input), json("{\"Execution\": {\"Id\": \"arn:exec\"}, \"State\": {\"Name\": \"S\"}}"),
                lookup, new SplittableRandom(7), NOW);
    }

    static JsonNode evaluate(String template, JsonataBindings bindings) {
        return JsonataTemplate.compile(json(template), "Output").evaluate(bindings);
    }
}
