package appliance.runtime.sns;

/**
 * One SNS message attribute as Publish takes it: its DataType ({@code String}, {@code Number},
 * {@code String.Array}, {@code Binary}, optionally with a custom suffix such as {@code Number.float})
 * and its value as text (for Binary, the base64 text or null).
 */
public record MessageAttributeValue(String dataType, String stringValue) {

    public MessageAttributeValue {
        if (dataType == null || dataType.isEmpty()) {
            throw new IllegalArgumentException("A message attribute needs a DataType (String, Number, String.Array or Binary)");
        }
    }

    public static MessageAttributeValue string(String value) {
        return new MessageAttributeValue("String", value);
    }

    public static MessageAttributeValue number(String value) {
        return new MessageAttributeValue("Number", value);
    }

    /** @param jsonArray the array as JSON text, e.g. {@code ["soccer", "rugby"]}, as SNS takes it */
    public static MessageAttributeValue stringArray(String jsonArray) {
        return new MessageAttributeValue("String.Array", jsonArray);
    }

    /** The type without its custom suffix: {@code Number.float} is a Number. */
    public String baseType() {
        if (dataType.startsWith("String.Array")) {
            return "String.Array";
        }
        int dot = dataType.indexOf('.');
        return dot < 0 ? dataType : dataType.substring(0, dot);
    }
}
