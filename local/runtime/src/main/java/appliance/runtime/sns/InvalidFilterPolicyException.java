package appliance.runtime.sns;

/** A filter policy SNS would refuse at Subscribe/SetSubscriptionAttributes time; the message is in SNS's form. */
public final class InvalidFilterPolicyException extends RuntimeException {

    public InvalidFilterPolicyException(String message) {
        super(message);
    }
}
