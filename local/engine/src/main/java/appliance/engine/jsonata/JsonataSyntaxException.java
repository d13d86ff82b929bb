package appliance.engine.jsonata;

/**
 * A {@code {% %}} string that is not valid JSONata, found when a template is compiled. AWS refuses such a
 * definition with {@code INVALID_JSONATA_EXPRESSION} and the parser's message without its code, at the
 * field's location, for example
 * {@code INVALID_JSONATA_EXPRESSION: Unexpected end of expression at /States/Main/Output}. The caller
 * adds it to its definition problems: {@code problems.add(e.problemCode(), e.problemMessage(),
 * "/States/" + stateName + "/" + e.fieldPath())}.
 */
public final class JsonataSyntaxException extends IllegalArgumentException {

    /** AWS's problem code for an expression that does not parse. */
    public static final String INVALID_JSONATA_EXPRESSION = "INVALID_JSONATA_EXPRESSION";

    private final String fieldPath;
    private final String expression;
    private final String problemMessage;

    JsonataSyntaxException(String fieldPath, String expression, String problemMessage) {
        super(INVALID_JSONATA_EXPRESSION + ": " + problemMessage + " at " + fieldPath + " (in '" + expression + "')");
        this.fieldPath = fieldPath;
        this.expression = expression;
        this.problemMessage = problemMessage;
    }

    /** Where the bad string is: the field name, then {@code /key} per object member and {@code [i]} per array item. */
    public String fieldPath() {
        return fieldPath;
    }

    /** The text between {@code {%} and {@code %}}, trimmed. */
    public String expression() {
        return expression;
    }

    /** {@value #INVALID_JSONATA_EXPRESSION}. */
    public String problemCode() {
        return INVALID_JSONATA_EXPRESSION;
    }

    /** The parser's complaint without its code, as AWS shows it: {@code Expected "]", got ","}. */
    public String problemMessage() {
        return problemMessage;
    }
}
