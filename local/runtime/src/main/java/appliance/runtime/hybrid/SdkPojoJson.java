package appliance.runtime.hybrid;

import appliance.engine.error.StatesFailure;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * A Task's JSON as an AWS SDK v2 request, and an SDK response as the Task's result, for any service,
 * through the SDK's own model of each shape ({@link SdkPojo#sdkFields()}): member names in PascalCase, as
 * Step Functions takes and gives them whatever the service's own casing, blobs as base64 text, timestamps
 * as ISO-8601 text. A field the shape does not have, or a value of the wrong type, fails the task with
 * {@code States.Runtime} naming the field.
 */
final class SdkPojoJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SdkPojoJson() {
    }

    /** Fills a request builder (an {@link SdkPojo}) from the task's parameters and builds it. */
    static Object request(Object builder, JsonNode parameters, String action) {
        if (parameters != null && !parameters.isNull() && !parameters.isObject()) {
            throw invalid(action + "'s parameters must be a JSON object");
        }
        if (parameters != null && parameters.isObject()) {
            fill((SdkPojo) builder, parameters, "");
        }
        return ((SdkBuilder<?, ?>) builder).build();
    }

    /** The response's fields, as the API's JSON names them; absent members and empty auto-lists left out. */
    static ObjectNode response(SdkPojo response) {
        ObjectNode json = NODES.objectNode();
        for (SdkField<?> field : response.sdkFields()) {
            JsonNode value = toJson(field, field.getValueOrDefault(response));
            if (value != null) {
                json.set(pascalCase(field.memberName()), value);
            }
        }
        return json;
    }

    private static void fill(SdkPojo builder, JsonNode object, String path) {
        Map<String, SdkField<?>> fields = new LinkedHashMap<>();
        builder.sdkFields().forEach(field -> fields.put(pascalCase(field.memberName()), field));
        object.properties().forEach(entry -> {
            SdkField<?> field = fields.get(pascalCase(entry.getKey()));
            String where = path + entry.getKey();
            if (field == null) {
                throw invalid("The field '" + where + "' is not supported; the request takes " + fields.keySet());
            }
            if (!entry.getValue().isNull()) {
                field.set(builder, fromJson(field, entry.getValue(), where));
            }
        });
    }

    private static Object fromJson(SdkField<?> field, JsonNode value, String where) {
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.SDK_POJO) {
            if (!value.isObject()) {
                throw wrongType(where, "an object", value);
            }
            SdkPojo nested = field.constructor().get();
            fill(nested, value, where + ".");
            return ((SdkBuilder<?, ?>) nested).build();
        }
        if (type == MarshallingType.LIST) {
            if (!value.isArray()) {
                throw wrongType(where, "an array", value);
            }
            SdkField<?> member = field.getTrait(ListTrait.class).memberFieldInfo();
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < value.size(); i++) {
                list.add(fromJson(member, value.get(i), where + "[" + i + "]"));
            }
            return list;
        }
        if (type == MarshallingType.MAP) {
            if (!value.isObject()) {
                throw wrongType(where, "an object", value);
            }
            SdkField<?> member = field.getTrait(MapTrait.class).valueFieldInfo();
            Map<String, Object> map = new LinkedHashMap<>();
            value.properties().forEach(entry -> map.put(entry.getKey(),
                    entry.getValue().isNull() ? null : fromJson(member, entry.getValue(), where + "." + entry.getKey())));
            return map;
        }
        return scalar(type, value, where);
    }

    private static Object scalar(MarshallingType<?> type, JsonNode value, String where) {
        if (type == MarshallingType.STRING) {
            return value.isValueNode() ? value.asText() : value.toString();
        }
        if (type == MarshallingType.BOOLEAN) {
            if (!value.isBoolean()) {
                throw wrongType(where, "a boolean", value);
            }
            return value.booleanValue();
        }
        if (type == MarshallingType.INTEGER || type == MarshallingType.LONG || type == MarshallingType.SHORT
                || type == MarshallingType.BYTE || type == MarshallingType.FLOAT || type == MarshallingType.DOUBLE
                || type == MarshallingType.BIG_DECIMAL) {
            return number(type, value, where);
        }
        if (type == MarshallingType.INSTANT) {
            return instant(value, where);
        }
        if (type == MarshallingType.SDK_BYTES) {
            if (!value.isTextual()) {
                throw wrongType(where, "base64 text", value);
            }
            try {
                return SdkBytes.fromByteArray(Base64.getDecoder().decode(value.textValue()));
            } catch (IllegalArgumentException notBase64) {
                return SdkBytes.fromUtf8String(value.textValue());
            }
        }
        if (type == MarshallingType.DOCUMENT) {
            return DocumentJson.toDocument(value);
        }
        throw invalid("The field '" + where + "' has a type this runtime does not convert (" + type + ")");
    }

    private static Object number(MarshallingType<?> type, JsonNode value, String where) {
        BigDecimal number;
        try {
            number = value.isNumber() ? value.decimalValue() : new BigDecimal(value.asText());
        } catch (NumberFormatException notNumber) {
            throw wrongType(where, "a number", value);
        }
        if (type == MarshallingType.INTEGER) {
            return number.intValue();
        }
        if (type == MarshallingType.LONG) {
            return number.longValue();
        }
        if (type == MarshallingType.SHORT) {
            return number.shortValue();
        }
        if (type == MarshallingType.BYTE) {
            return number.byteValue();
        }
        if (type == MarshallingType.FLOAT) {
            return number.floatValue();
        }
        return type == MarshallingType.DOUBLE ? (Object) number.doubleValue() : number;
    }

    private static Instant instant(JsonNode value, String where) {
        if (value.isNumber()) {
            return Instant.ofEpochMilli(Math.round(value.doubleValue() * 1000));
        }
        try {
            return Instant.parse(value.asText());
        } catch (DateTimeParseException notTime) {
            throw wrongType(where, "an ISO-8601 timestamp or epoch seconds", value);
        }
    }

    private static JsonNode toJson(SdkField<?> field, Object value) {
        if (value == null || value instanceof SdkAutoConstructList<?> || value instanceof SdkAutoConstructMap<?, ?>) {
            return null;
        }
        if (value instanceof SdkPojo pojo) {
            return response(pojo);
        }
        if (value instanceof List<?> list) {
            SdkField<?> member = field.getTrait(ListTrait.class).memberFieldInfo();
            ArrayNode array = NODES.arrayNode();
            list.forEach(item -> array.add(orNull(toJson(member, item))));
            return array;
        }
        if (value instanceof Map<?, ?> map) {
            SdkField<?> member = field.getTrait(MapTrait.class).valueFieldInfo();
            ObjectNode object = NODES.objectNode();
            map.forEach((key, item) -> object.set(String.valueOf(key), orNull(toJson(member, item))));
            return object;
        }
        return scalarJson(value);
    }

    private static JsonNode scalarJson(Object value) {
        if (value instanceof String text) {
            return NODES.textNode(text);
        }
        if (value instanceof Boolean bool) {
            return NODES.booleanNode(bool);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return NODES.numberNode(((Number) value).longValue());
        }
        if (value instanceof Float || value instanceof Double) {
            return NODES.numberNode(((Number) value).doubleValue());
        }
        if (value instanceof BigDecimal decimal) {
            return NODES.numberNode(decimal);
        }
        if (value instanceof Instant instant) {
            return NODES.textNode(instant.toString());
        }
        if (value instanceof SdkBytes bytes) {
            return NODES.textNode(Base64.getEncoder().encodeToString(bytes.asByteArray()));
        }
        if (value instanceof Document document) {
            return DocumentJson.toJson(document);
        }
        return NODES.textNode(value.toString());
    }

    /**
     * A member's name as Step Functions writes it: PascalCase, even where the service's own model is
     * camelCase (Step Functions' API: {@code stateMachineArn} is {@code StateMachineArn} in a task).
     */
    private static String pascalCase(String name) {
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static JsonNode orNull(JsonNode value) {
        return value == null ? NODES.nullNode() : value;
    }

    private static StatesFailure wrongType(String where, String expected, JsonNode value) {
        return invalid("The field '" + where + "' must be " + expected + ", got " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
    }

    private static StatesFailure invalid(String problem) {
        return new StatesFailure("States.Runtime", problem);
    }
}
