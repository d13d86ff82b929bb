package appliance.engine.task.lambda;

/**
 * A Lambda handler that raised: its {@code errorType} (which becomes the States error name) and the
 * error payload the runtime wrote, word for word (which becomes the cause), for example Python's
 * {@code {"errorMessage": "...", "errorType": "Exception", "requestId": "...", "stackTrace": [...]}}.
 */
public final class LambdaFunctionError extends RuntimeException {

    private final String errorType;
    private final String payload;

    public LambdaFunctionError(String errorType, String payload) {
        super(errorType + ": " + payload, null, false, false);
        this.errorType = errorType;
        this.payload = payload;
    }

    public String errorType() {
        return errorType;
    }

    public String payload() {
        return payload;
    }
}
