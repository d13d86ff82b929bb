package appliance.engine.jsonata;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The cause texts of {@code States.QueryEvaluationError}, word for word as AWS writes them (the
 * conformance corpus records each form). {@code field} is the field's path inside the state, such as
 * {@code Output}, {@code Output/result} or {@code Assign/total}; {@code expression} is the text between
 * {@code {%} and {@code %}}, trimmed.
 *
 * <p>AWS puts "An error occurred while executing the state 'S' (entered at the event id #N). " before
 * each of these; the state name and event id belong to the interpreter, which adds them with
 * {@link #inState}.
 */
public final class QueryEvaluationCauses {

    private QueryEvaluationCauses() {
    }

    public static String returnedNothing(String expression, String field) {
        return subject(expression, field) + " returned nothing (undefined).";
    }

    /** For a JSONata error with a code: {@code error} reads "T1006: Attempted to invoke a non-function". */
    public static String threwError(String expression, String field, String error) {
        return subject(expression, field) + " threw an error during evaluation. " + error;
    }

    /** For an error with no JSONata code (the functions Step Functions adds): AWS joins it with a colon. */
    public static String threwUncodedError(String expression, String field, String message) {
        return subject(expression, field) + " threw an error during evaluation: " + message;
    }

    public static String unexpectedType(String expression, String field, String expectedType, String actualType,
                                        String valueJson) {
        return subject(expression, field) + " returned an unexpected result type. Expected '" + expectedType
                + "', but was '" + actualType + "' for value: " + valueJson;
    }

    public static String unsupportedType(String expression, String field) {
        return subject(expression, field) + " returned an unsupported result type.";
    }

    /**
     * A JSONata Map state without {@code Items} iterates its input, which must then be an array; AWS fails
     * it with States.QueryEvaluationError and this cause ({@code input} printed as compact JSON).
     */
    public static String mapInputNotArray(JsonNode input) {
        return "Map state input must be an array but was: " + input;
    }

    /** AWS's prefix for an error raised while a state runs; the cause follows it. */
    public static String inState(String stateName, long enteredEventId, String cause) {
        return "An error occurred while executing the state '" + stateName + "' (entered at the event id #"
                + enteredEventId + "). " + cause;
    }

    private static String subject(String expression, String field) {
        return "The JSONata expression '" + expression + "' specified for the field '" + field + "'";
    }
}
