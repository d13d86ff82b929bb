package appliance.engine.definition;

import appliance.engine.path.DataScope;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A compiled payload template ({@code Parameters}, {@code ResultSelector}, {@code ItemSelector},
 * {@code Assign}): constants stay as they are, a field whose name ends in {@code .$} is replaced by the
 * value of its path or intrinsic call, under the name without the suffix.
 */
public sealed interface PayloadTemplate {

    JsonNode evaluate(DataScope scope, RandomGenerator random);

    record Constant(JsonNode value) implements PayloadTemplate {
        @Override
        public JsonNode evaluate(DataScope scope, RandomGenerator random) {
            return value.deepCopy();
        }
    }

    record Field(String name, PayloadTemplate value) {
    }

    record ObjectTemplate(List<Field> fields) implements PayloadTemplate {
        public ObjectTemplate {
            fields = List.copyOf(fields);
        }

        @Override
        public JsonNode evaluate(DataScope scope, RandomGenerator random) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (Field field : fields) {
                out.set(field.name(), field.value().evaluate(scope, random));
            }
            return out;
        }
    }

    record ArrayTemplate(List<PayloadTemplate> items) implements PayloadTemplate {
        public ArrayTemplate {
            items = List.copyOf(items);
        }

        @Override
        public JsonNode evaluate(DataScope scope, RandomGenerator random) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            for (PayloadTemplate item : items) {
                out.add(item.evaluate(scope, random));
            }
            return out;
        }
    }

    /** A {@code name.$} field; {@code fieldName} keeps the suffix, as AWS's error text names it. */
    record Dynamic(String fieldName, ValueExpression expression) implements PayloadTemplate {
        @Override
        public JsonNode evaluate(DataScope scope, RandomGenerator random) {
            JsonNode value = expression.evaluate(scope, random);
            if (value == null) {
                throw new DataFlowException("The JSONPath '" + expression.text() + "' specified for the field '"
                        + fieldName + "' could not be found in the input '" + Json.compact(scope.data()) + "'");
            }
            return value;
        }
    }
}
