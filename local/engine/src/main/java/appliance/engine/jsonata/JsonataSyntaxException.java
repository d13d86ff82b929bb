package appliance.engine.jsonata;

/**
 * A {@code {% %}} string that is not valid JSONata, found when a template is compiled. The caller reports
 * it as a definition problem at the state's field; {@link #fieldPath()} says where inside the field.
 */
public final class JsonataSyntaxException extends IllegalArgumentException {

    private final String fieldPath;
    private final String expression;
    private final String detail;

    JsonataSyntaxException(String fieldPath, String expression, String detail) {
        super("The value for the field '" + fieldPath + "' must be a valid JSONata expression: '" + expression
                + "' (" + detail + ")");
        this.fieldPath = fieldPath;
        this.expression = expression;
        this.detail = detail;
    }

    /** Where the bad string is: the field name, then object keys and array indexes, joined by '/'. */
    public String fieldPath() {
        return fieldPath;
    }

    /** The text between {@code {%} and {@code %}}, trimmed. */
    public String expression() {
        return expression;
    }

    /** The parser's complaint, such as {@code S0203: Expected ")" before end of expression}. */
    public String detail() {
        return detail;
    }
}
