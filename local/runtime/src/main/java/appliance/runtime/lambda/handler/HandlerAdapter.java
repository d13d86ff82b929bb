package appliance.runtime.lambda.handler;

import com.amazonaws.services.lambda.runtime.Context;

/**
 * A loaded handler, whatever its shape (RequestHandler, RequestStreamHandler, plain method): request bytes in,
 * response bytes out, exactly what Lambda's Invoke API carries.
 *
 * <p>Every adapter lives in this package, and stack traces are cut at the first frame of this package: what the
 * user sees ends at their own code, as Lambda's Java runtime filters its own frames.
 */
public interface HandlerAdapter {
    String PACKAGE_PREFIX = HandlerAdapter.class.getPackageName() + ".";

    /** Runs one invocation. Throws whatever the handler throws (unwrapped). */
    byte[] handle(byte[] request, Context context) throws Throwable;
}
