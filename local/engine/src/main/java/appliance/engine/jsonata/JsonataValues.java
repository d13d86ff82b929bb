package appliance.engine.jsonata;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts between Jackson trees and the plain Java values the jsonata library works on (maps, lists,
 * strings, numbers, booleans). The rules that matter for matching AWS:
 * <ul>
 *   <li>JSON {@code null} travels as {@link Jsonata#NULL_VALUE}, the library's own null, so it stays
 *       apart from "undefined" (Java {@code null}), which JSONata uses for "no value".</li>
 *   <li>Numbers: AWS evaluates JSONata on JavaScript numbers (one double type) and prints whole values
 *       without a fraction ({@code 1}, not {@code 1.0}). So an integral result comes back as an integer
 *       node, anything else as a double; integers too large for a long become doubles, as in JavaScript.</li>
 *   <li>Functions and regular expressions are not JSON: {@link #toJson} reports them as unsupported.</li>
 * </ul>
 */
final class JsonataValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** 2^63 as a double: the first integral double a long cannot hold. */
    private static final double LONG_LIMIT = 9.223372036854775807E18;

    private JsonataValues() {
    }

    /** Thrown by {@link #toJson} when a value (or a part of it) has no JSON form, such as a function. */
    static final class NotJsonException extends RuntimeException {
        NotJsonException() {
            super("not a JSON value", null, false, false);
        }
    }

    /** The Java value the jsonata library expects for a JSON tree; Java null for a missing node. */
    static Object toJsonata(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return null;
        }
        switch (node.getNodeType()) {
            case NULL:
                return Jsonata.NULL_VALUE;
            case BOOLEAN:
                return node.booleanValue();
            case STRING:
                return node.textValue();
            case NUMBER:
                return number(node);
            case ARRAY: {
                List<Object> list = new ArrayList<>(node.size());
                for (JsonNode item : node) {
                    list.add(toJsonata(item));
                }
                return list;
            }
            case OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    map.put(field.getKey(), toJsonata(field.getValue()));
                }
                return map;
            }
            default:
                // BINARY and POJO nodes never come out of parsed JSON; treat them as their text.
                return node.asText();
        }
    }

    private static Object number(JsonNode node) {
        if (node.isInt()) {
            return node.intValue();
        }
        if (node.isLong()) {
            return node.longValue();
        }
        if (node.isBigInteger() && node.bigIntegerValue().bitLength() < 64) {
            return node.longValue();
        }
        double value = node.doubleValue();
        return isWhole(value) && Math.abs(value) < Integer.MAX_VALUE ? (Object) (int) value : (Object) value;
    }

    /**
     * The JSON form of a jsonata result. A top-level Java null (undefined) must be handled by the caller:
     * it has no JSON form. Below the top, the library has already left undefined members and items out
     * and turned its JSON null into Java null ({@code Utils.convertNulls}), so a Java null found inside an
     * object or array is a JSON null.
     *
     * @throws NotJsonException when the value holds a function, a regular expression or another non-JSON value
     */
    static JsonNode toJson(Object value) {
        if (value == null || value == Jsonata.NULL_VALUE) {
            return NODES.nullNode();
        }
        if (value instanceof String text) {
            return NODES.textNode(text);
        }
        if (value instanceof Boolean bool) {
            return NODES.booleanNode(bool);
        }
        if (value instanceof Number number) {
            return numberNode(number);
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = NODES.objectNode();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                object.set(String.valueOf(entry.getKey()), toJson(entry.getValue()));
            }
            return object;
        }
        if (value instanceof List<?> list) {
            ArrayNode array = NODES.arrayNode(list.size());
            for (Object item : list) {
                array.add(toJson(item));
            }
            return array;
        }
        throw new NotJsonException();
    }

    /** A number node as AWS prints it: whole values as integers, others as doubles. */
    static JsonNode numberNode(Number number) {
        if (number instanceof Integer || number instanceof Short || number instanceof Byte) {
            return NODES.numberNode(number.intValue());
        }
        if (number instanceof Long) {
            return integral(number.longValue());
        }
        if (number instanceof BigInteger big) {
            return big.bitLength() < 64 ? integral(big.longValue()) : NODES.numberNode(big.doubleValue());
        }
        double value = number instanceof BigDecimal decimal ? decimal.doubleValue() : number.doubleValue();
        if (isWhole(value) && Math.abs(value) < LONG_LIMIT) {
            return integral((long) value);
        }
        return NODES.numberNode(value);
    }

    private static JsonNode integral(long value) {
        return value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE
                ? NODES.numberNode((int) value)
                : NODES.numberNode(value);
    }

    private static boolean isWhole(double value) {
        return !Double.isInfinite(value) && !Double.isNaN(value) && value == Math.rint(value);
    }
}
