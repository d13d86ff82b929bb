package appliance.runtime.lambda;

/**
 * An Invoke call that Lambda refuses before any function code runs, as the Lambda API reports it (the AWS SDK
 * throws an exception of the same name). Step Functions names these {@code Lambda.<errorCode>}, e.g.
 * {@code Lambda.TooManyRequestsException}; {@link #stepFunctionsError()} gives that name.
 */
public final class LambdaServiceException extends RuntimeException {
    public static final String TOO_MANY_REQUESTS = "TooManyRequestsException";
    public static final String RESOURCE_NOT_FOUND = "ResourceNotFoundException";
    public static final String REQUEST_TOO_LARGE = "RequestTooLargeException";
    /** Invoke's limit for a synchronous request payload, in bytes. */
    public static final int MAX_REQUEST_BYTES = 6_291_456;

    private final String errorCode;
    private final int statusCode;
    private final String reason;
    private final String requestId;

    public LambdaServiceException(String errorCode, int statusCode, String message, String reason, String requestId) {
        super(message, null, false, false);
        this.errorCode = errorCode;
        this.statusCode = statusCode;
        this.reason = reason;
        this.requestId = requestId;
    }

    /** Reserved concurrency exhausted: Lambda answers 429 with "Rate Exceeded.". */
    static LambdaServiceException throttled(String requestId) {
        return new LambdaServiceException(TOO_MANY_REQUESTS, 429, "Rate Exceeded.",
                "ReservedFunctionConcurrentInvocationLimitExceeded", requestId);
    }

    /** A synchronous Invoke whose payload is over 6 MB: refused before any function code runs. */
    static LambdaServiceException requestTooLarge(String requestId) {
        return new LambdaServiceException(REQUEST_TOO_LARGE, 413, "Request must be smaller than " + MAX_REQUEST_BYTES
                + " bytes for the InvokeFunction operation", null, requestId);
    }

    static LambdaServiceException functionNotFound(String arn, String requestId) {
        return new LambdaServiceException(RESOURCE_NOT_FOUND, 404, "Function not found: " + arn, null, requestId);
    }

    /** The id of the refused request. */
    public String requestId() {
        return requestId;
    }

    /** The Lambda API error code, e.g. {@code TooManyRequestsException}. */
    public String errorCode() {
        return errorCode;
    }

    /** The HTTP status the Lambda API answers with (429, 404). */
    public int statusCode() {
        return statusCode;
    }

    /** Lambda's Reason field, e.g. {@code ReservedFunctionConcurrentInvocationLimitExceeded}; null when none. */
    public String reason() {
        return reason;
    }

    /** The error name a Step Functions Task state sees: {@code Lambda.} plus the error code. */
    public String stepFunctionsError() {
        return "Lambda." + errorCode;
    }

    /**
     * The cause a Step Functions Task state reports with it, the AWS SDK's exception text, e.g. {@code Rate
     * Exceeded. (Service: AWSLambda; Status Code: 429; Error Code: TooManyRequestsException; Request ID: ...;
     * Proxy: null)}.
     */
    public String stepFunctionsCause() {
        return getMessage() + " (Service: AWSLambda; Status Code: " + statusCode + "; Error Code: " + errorCode
                + "; Request ID: " + requestId + "; Proxy: null)";
    }
}
