package appliance.engine.jsonata;

import appliance.engine.error.StatesFailure;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A field of a JSONata state, compiled once: any JSON value in which every string of the form
 * {@code {% expression %}} is a JSONata expression. AWS's rule is exact: the whole string must start with
 * {@code {%} and end with {@code %}}; a string that merely contains them (" {% x %} ") is a literal.
 *
 * <p>{@link #evaluate} returns the value with each expression replaced by its result. The typed
 * {@code evaluate*} methods serve fields that need one type (TimeoutSeconds, Condition, Items, ...). All of
 * them fail with {@code States.QueryEvaluationError} and AWS's cause text; the interpreter puts AWS's
 * "An error occurred while executing the state ..." before it (see {@link QueryEvaluationCauses#inState}).
 */
public final class JsonataTemplate {

    private final String fieldName;
    private final TemplatePart root;

    private JsonataTemplate(String fieldName, TemplatePart root) {
        this.fieldName = fieldName;
        this.root = root;
    }

    /**
     * Compiles a field's value.
     *
     * @param value     the field's JSON value as written in the definition (null reads as JSON null)
     * @param fieldName the field's name as AWS quotes it in causes, such as {@code Output}, {@code Items}, or
     *                  for a field inside a list {@code Choices[0]/Condition} or {@code Catch[1]/Output}
     * @throws JsonataSyntaxException (an IllegalArgumentException) naming the first expression that is not
     *                                valid JSONata and where it is
     */
    public static JsonataTemplate compile(JsonNode value, String fieldName) {
        if (fieldName == null || fieldName.isBlank()) {
            throw new IllegalArgumentException("A JSONata template needs the name of its field, for its error causes");
        }
        JsonNode given = value == null || value.isMissingNode() ? NullNode.instance : value;
        return new JsonataTemplate(fieldName, compilePart(given, fieldName));
    }

    /** True when {@code value} is a string AWS would evaluate as JSONata. */
    public static boolean isExpression(JsonNode value) {
        return value != null && value.isTextual() && JsonataExpression.isExpression(value.textValue());
    }

    private static TemplatePart compilePart(JsonNode value, String path) {
        if (isExpression(value)) {
            return new TemplatePart.Expression(JsonataExpression.compile(value.textValue(), path));
        }
        if (value.isObject()) {
            Map<String, TemplatePart> members = new LinkedHashMap<>();
            boolean dynamic = false;
            for (Map.Entry<String, JsonNode> field : value.properties()) {
                TemplatePart part = compilePart(field.getValue(), path + "/" + field.getKey());
                dynamic |= !(part instanceof TemplatePart.Literal);
                members.put(field.getKey(), part);
            }
            return dynamic ? new TemplatePart.ObjectOf(Collections.unmodifiableMap(members))
                    : new TemplatePart.Literal(value.deepCopy());
        }
        if (value.isArray()) {
            List<TemplatePart> items = new ArrayList<>(value.size());
            boolean dynamic = false;
            for (int i = 0; i < value.size(); i++) {
                TemplatePart part = compilePart(value.get(i), path + "[" + i + "]");
                dynamic |= !(part instanceof TemplatePart.Literal);
                items.add(part);
            }
            return dynamic ? new TemplatePart.ArrayOf(List.copyOf(items)) : new TemplatePart.Literal(value.deepCopy());
        }
        return new TemplatePart.Literal(value.deepCopy());
    }

    /** The field name given at compile time. */
    public String fieldName() {
        return fieldName;
    }

    /** True when the value holds no expression at all: evaluating it just returns a copy. */
    public boolean isConstant() {
        return root instanceof TemplatePart.Literal;
    }

    /** True when the whole value is one {@code {% %}} string. */
    public boolean isSingleExpression() {
        return root instanceof TemplatePart.Expression;
    }

    /**
     * The value with every expression replaced by its result.
     *
     * @throws StatesFailure States.QueryEvaluationError when an expression fails, returns nothing
     *                       (undefined) or returns a function
     */
    public JsonNode evaluate(JsonataBindings bindings) {
        return root.evaluate(bindings);
    }

    /** For TimeoutSeconds, HeartbeatSeconds, Seconds, MaxConcurrency, ToleratedFailureCount. */
    public long evaluateInteger(JsonataBindings bindings) {
        JsonNode value = evaluateAs(bindings, "number", JsonNode::isNumber);
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue();
        }
        throw JsonataExpression.failure("The " + fieldName + " field cannot be parsed as an integer: " + value,
                fieldName);
    }

    /** For ToleratedFailurePercentage. */
    public double evaluateNumber(JsonataBindings bindings) {
        return evaluateAs(bindings, "number", JsonNode::isNumber).doubleValue();
    }

    /** For Fail's Error and Cause, and anything else that must be a string. */
    public String evaluateString(JsonataBindings bindings) {
        return evaluateAs(bindings, "string", JsonNode::isTextual).textValue();
    }

    /** For a Choice rule's Condition. */
    public boolean evaluateBoolean(JsonataBindings bindings) {
        return evaluateAs(bindings, "boolean", JsonNode::isBoolean).booleanValue();
    }

    /** For a Map state's Items. */
    public ArrayNode evaluateArray(JsonataBindings bindings) {
        return (ArrayNode) evaluateAs(bindings, "array", JsonNode::isArray);
    }

    /**
     * For a Wait state's Timestamp: a string in ISO-8601 extended offset date-time form, such as
     * {@code 2016-03-14T01:59:00Z}; a date without its {@code T}, or a time without its offset, fails as
     * AWS fails it.
     */
    public Instant evaluateTimestamp(JsonataBindings bindings) {
        String text = evaluateString(bindings);
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw JsonataExpression.failure("The " + fieldName
                    + " field cannot be parsed as an ISO-8601 extended offset date-time format string: " + text,
                    fieldName);
        }
    }

    private JsonNode evaluateAs(JsonataBindings bindings, String expectedType, java.util.function.Predicate<JsonNode> isExpected) {
        JsonNode value = root.evaluate(bindings);
        if (isExpected.test(value)) {
            return value;
        }
        String expression = root instanceof TemplatePart.Expression single
                ? single.expression().text()
                : value.toString();
        throw JsonataExpression.failure(QueryEvaluationCauses.unexpectedType(expression, fieldName, expectedType,
                typeName(value), value.toString()), fieldName);
    }

    /** A JSON value's type as AWS names it in causes: null, boolean, number, string, array or object. */
    static String typeName(JsonNode value) {
        if (value == null || value instanceof MissingNode) {
            return "undefined";
        }
        return switch (value.getNodeType()) {
            case NULL -> "null";
            case BOOLEAN -> "boolean";
            case NUMBER -> "number";
            case STRING -> "string";
            case ARRAY -> "array";
            default -> "object";
        };
    }

    @Override
    public String toString() {
        return fieldName + ": " + root;
    }
}
