package appliance.engine.intrinsic;

import appliance.engine.error.StatesFailure;
import appliance.engine.path.DataScope;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.random.RandomGenerator;

/**
 * A constant argument: a string, number, boolean or null. For a string, {@code source} keeps the text
 * between the quotes with its escapes, because {@code States.Format} must tell an escaped {@code \{}
 * from a placeholder {@code {}}; it is null for the other kinds. {@code openEscape} describes a
 * backslash that starts none of the four escapes: the ASL specification makes that a runtime error,
 * so the call still parses and fails when evaluated.
 */
record Literal(JsonNode value, String source, String openEscape) implements Argument {

    Literal(JsonNode value) {
        this(value, null, null);
    }

    @Override
    public JsonNode evaluate(DataScope scope, RandomGenerator random) {
        checkEscapes();
        return value;
    }

    /** The string's text with its escapes, for States.Format's template. */
    String escapedSource() {
        checkEscapes();
        return source;
    }

    private void checkEscapes() {
        if (openEscape != null) {
            throw StatesFailure.runtime(openEscape);
        }
    }
}
