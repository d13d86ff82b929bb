package appliance.engine.maprun;

/** An object store could not do what was asked: the message says what, and names the bucket and key. */
public final class ObjectStoreException extends RuntimeException {

    public ObjectStoreException(String message) {
        super(message);
    }

    public ObjectStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
