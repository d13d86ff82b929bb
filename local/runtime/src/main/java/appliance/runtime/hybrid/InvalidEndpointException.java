package appliance.runtime.hybrid;

/** An endpoint for hybrid mode that the AWS SDK could not use, with a message saying which and why. */
public final class InvalidEndpointException extends IllegalArgumentException {

    InvalidEndpointException(String service, String url, String problem) {
        super("The " + service + " endpoint '" + url + "' cannot be used: " + problem
                + " (for example http://127.0.0.1:3001)");
    }
}
