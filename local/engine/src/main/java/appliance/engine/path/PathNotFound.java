package appliance.engine.path;

/** A path that found nothing; the message is Jayway's own (for example "No results for path: $['a']"), as AWS quotes it. */
public final class PathNotFound extends RuntimeException {

    public PathNotFound(String message) {
        super(message, null, false, false);
    }
}
