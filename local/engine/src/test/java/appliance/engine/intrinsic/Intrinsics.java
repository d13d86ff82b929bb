package appliance.engine.intrinsic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import appliance.engine.error.StatesFailure;
import appliance.engine.path.DataScope;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Random;

/** Test helpers: evaluate a call against some JSON, read JSON text, catch a failure. */
final class Intrinsics {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Intrinsics() {
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    static JsonNode eval(String call, String data) {
        return eval(call, data, new Random(1));
    }

    static JsonNode eval(String call, String data, Random random) {
        DataScope scope = new DataScope(json(data), json("{\"Execution\": {\"Id\": \"arn:exec\"}}"),
                Map.of("greeting", json("{\"text\": \"hi\"}"))::get);
        return IntrinsicExpression.parse(call).evaluate(scope, random);
    }

    static StatesFailure failure(String call, String data) {
        StatesFailure failure = catchThrowableOfType(StatesFailure.class, () -> eval(call, data));
        assertThat(failure).as("a StatesFailure from " + call).isNotNull();
        return failure;
    }
}
