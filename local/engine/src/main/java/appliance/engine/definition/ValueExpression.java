package appliance.engine.definition;

import appliance.engine.intrinsic.IntrinsicExpression;
import appliance.engine.path.DataScope;
import appliance.engine.path.PathNotFound;
import appliance.engine.path.ReferencePath;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.random.RandomGenerator;

/** The value of a {@code .$} field, an {@code ErrorPath} or a {@code CausePath}: a reference path or an intrinsic call. */
public sealed interface ValueExpression {

    String text();

    /**
     * @return the value, or null when a reference path finds nothing
     */
    JsonNode evaluate(DataScope scope, RandomGenerator random);

    /**
     * Compiles the text of a {@code .$} value.
     *
     * @throws IllegalArgumentException with a message fit for InvalidDefinition
     */
    static ValueExpression compile(String text) {
        if (text != null && text.startsWith("$")) {
            return new PathValue(ReferencePath.compile(text));
        }
        if (text != null && IntrinsicExpression.isIntrinsic(text)) {
            return new IntrinsicValue(text, IntrinsicExpression.parse(text));
        }
        throw new IllegalArgumentException("The value for the field must be a valid JSONPath or a valid intrinsic function call");
    }

    record PathValue(ReferencePath path) implements ValueExpression {
        @Override
        public String text() {
            return path.text();
        }

        @Override
        public JsonNode evaluate(DataScope scope, RandomGenerator random) {
            try {
                return path.readRequired(scope);
            } catch (PathNotFound e) {
                return null;
            }
        }
    }

    record IntrinsicValue(String text, IntrinsicExpression expression) implements ValueExpression {
        @Override
        public JsonNode evaluate(DataScope scope, RandomGenerator random) {
            return expression.evaluate(scope, random);
        }
    }
}
