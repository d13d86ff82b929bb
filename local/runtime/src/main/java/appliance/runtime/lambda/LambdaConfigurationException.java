package appliance.runtime.lambda;

/**
 * A function that cannot be run as configured: a missing build, a bad handler string, a reserved environment
 * variable. The message names the function and what is wrong, so the user can fix it without a stack trace.
 */
public final class LambdaConfigurationException extends IllegalArgumentException {
    public LambdaConfigurationException(String message) {
        super(message);
    }
}
