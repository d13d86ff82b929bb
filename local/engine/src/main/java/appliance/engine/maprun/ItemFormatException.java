package appliance.engine.maprun;

/** An ItemReader's file is not in the format its ReaderConfig names: the message says where and why. */
public final class ItemFormatException extends RuntimeException {

    public ItemFormatException(String message) {
        super(message);
    }
}
