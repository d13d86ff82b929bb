package appliance.runtime.events;

/** A rule or target EventBridge would refuse at PutRule/PutTargets time; the message names the rule and says why. */
public final class InvalidRuleException extends RuntimeException {

    public InvalidRuleException(String message) {
        super(message);
    }
}
