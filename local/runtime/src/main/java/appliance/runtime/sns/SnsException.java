package appliance.runtime.sns;

/**
 * A Publish that SNS refuses, with SNS's error code ({@code NotFound}, {@code InvalidParameter}) so callers
 * can report it as SNS does; Step Functions names it {@code SNS.<code>Exception}.
 */
public final class SnsException extends RuntimeException {

    private final String code;

    public SnsException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The error name a Step Functions task sees for this failure, for example SNS.NotFoundException. */
    public String stepFunctionsError() {
        return "SNS." + code + "Exception";
    }
}
