package appliance.runtime.sns;

/**
 * A message attribute as SNS's Publish takes it: {@code DataType} String, String.Array, Number or Binary,
 * and its value as text (Binary as base64).
 */
public record SnsMessageAttribute(String dataType, String value) {
}
