package appliance.engine.jsonata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/** A piece of a compiled {@link JsonataTemplate}: a literal, an expression, or an object or array of pieces. */
sealed interface TemplatePart {

    /**
     * The piece's value. An expression that returns nothing is an error wherever it sits inside a field
     * ("returned nothing (undefined)"), because JSON cannot hold undefined.
     */
    JsonNode evaluate(JsonataBindings bindings);

    /** A value with no expression in it. Handed out as a copy, so callers may change what they get. */
    record Literal(JsonNode value) implements TemplatePart {
        @Override
        public JsonNode evaluate(JsonataBindings bindings) {
            return value.deepCopy();
        }
    }

    /** A {@code {% … %}} string. */
    record Expression(JsonataExpression expression) implements TemplatePart {
        @Override
        public JsonNode evaluate(JsonataBindings bindings) {
            JsonNode value = expression.evaluate(bindings);
            if (value == null) {
                throw JsonataExpression.failure(
                        QueryEvaluationCauses.returnedNothing(expression.text(), expression.fieldPath()),
                        expression.fieldPath());
            }
            return value;
        }
    }

    /** An object with at least one expression below it; members keep their order. */
    record ObjectOf(Map<String, TemplatePart> members) implements TemplatePart {
        @Override
        public JsonNode evaluate(JsonataBindings bindings) {
            ObjectNode object = JsonNodeFactory.instance.objectNode();
            members.forEach((name, part) -> object.set(name, part.evaluate(bindings)));
            return object;
        }
    }

    /** An array with at least one expression below it. */
    record ArrayOf(List<TemplatePart> items) implements TemplatePart {
        @Override
        public JsonNode evaluate(JsonataBindings bindings) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode(items.size());
            for (TemplatePart item : items) {
                array.add(item.evaluate(bindings));
            }
            return array;
        }
    }
}
