package appliance.engine.jsonata;

import com.dashjoin.jsonata.Jsonata.JFunction;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code $parse(text)}: the JSON value a string holds (Step Functions' replacement for {@code $eval},
 * which it does not offer). {@code $parse('-0')} is {@code 0}; text after the value is an error.
 */
final class ParseFunction {

    static final String SIGNATURE = "<s:x>";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ParseFunction() {
    }

    static JFunction create() {
        return new JFunction((context, arguments) -> apply((String) arguments.get(0)), SIGNATURE);
    }

    static Object apply(String text) {
        if (text == null) {
            throw new JsonataFunctionException("The argument of $parse must be a string");
        }
        try {
            return JsonataValues.toJsonata(JSON.readTree(text));
        } catch (JsonProcessingException e) {
            throw new JsonataFunctionException("The argument of $parse is not valid JSON: " + text);
        }
    }
}
