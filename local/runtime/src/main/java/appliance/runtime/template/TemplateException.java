package appliance.runtime.template;

/**
 * A template the local runtime cannot run. The message names the resource (or section) and the
 * property or intrinsic function at fault, e.g. {@code Resource ClassifyCookFunction: property Handler is missing}.
 */
public final class TemplateException extends RuntimeException {

    public TemplateException(String message) {
        super(message);
    }

    public TemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
