package appliance.engine.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;

/** What an intrinsic function accepts at one argument position. */
enum ArgumentType {
    ANY("any JSON value"),
    STRING("a string"),
    NUMBER("a number"),
    INTEGER("an integer"),
    BOOLEAN("a boolean"),
    ARRAY("an array"),
    OBJECT("an object");

    private final String description;

    ArgumentType(String description) {
        this.description = description;
    }

    String description() {
        return description;
    }

    boolean accepts(JsonNode value) {
        return switch (this) {
            case ANY -> true;
            case STRING -> value.isTextual();
            case NUMBER -> value.isNumber();
            case INTEGER -> JsonValues.isInteger(value);
            case BOOLEAN -> value.isBoolean();
            case ARRAY -> value.isArray();
            case OBJECT -> value.isObject();
        };
    }
}
