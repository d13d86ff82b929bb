package appliance.server;

/**
 * A request the API refuses, as AWS refuses it: an error code such as {@code ExecutionDoesNotExist}
 * (the AWS SDKs turn it into their modelled exception of that name) and AWS's message text.
 * Always answered with HTTP 400.
 */
public final class ApiException extends RuntimeException {

    private final String code;

    public ApiException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }

    static ApiException validation(String message) {
        return new ApiException("ValidationException", message);
    }

    /** AWS's wording for a field that breaks a model constraint. */
    static ApiException constraint(String value, String field, String constraint) {
        return validation("1 validation error detected: Value '" + value + "' at '" + field
                + "' failed to satisfy constraint: " + constraint);
    }

    static ApiException invalidArn(String arn) {
        return new ApiException("InvalidArn", "Invalid Arn: '" + arn + "'");
    }

    static ApiException invalidName(String name) {
        return new ApiException("InvalidName", "Invalid Name: '" + name + "'");
    }

    static ApiException invalidToken(String token) {
        return new ApiException("InvalidToken", "Invalid Token: '" + token + "'");
    }

    static ApiException stateMachineDoesNotExist(String arn) {
        return new ApiException("StateMachineDoesNotExist", "State Machine Does Not Exist: '" + arn + "'");
    }

    static ApiException stateMachineAlreadyExists(String arn) {
        return new ApiException("StateMachineAlreadyExists", "State Machine Already Exists: '" + arn + "'");
    }

    static ApiException executionDoesNotExist(String arn) {
        return new ApiException("ExecutionDoesNotExist", "Execution Does Not Exist: '" + arn + "'");
    }

    static ApiException executionAlreadyExists(String arn) {
        return new ApiException("ExecutionAlreadyExists", "Execution Already Exists: '" + arn + "'");
    }

    static ApiException resourceNotFound(String arn) {
        return new ApiException("ResourceNotFound", "Resource not found: '" + arn + "'");
    }
}
