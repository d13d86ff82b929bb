package appliance.runtime.sns;

/** What a subscription's filter policy looks at: the message attributes (SNS's default) or the JSON message body. */
public enum FilterPolicyScope {
    MESSAGE_ATTRIBUTES("MessageAttributes"),
    MESSAGE_BODY("MessageBody");

    private final String awsName;

    FilterPolicyScope(String awsName) {
        this.awsName = awsName;
    }

    /** The name SNS uses in the FilterPolicyScope attribute. */
    public String awsName() {
        return awsName;
    }

    /** Parses SNS's name; null or empty means the default, MessageAttributes. */
    public static FilterPolicyScope fromAwsName(String name) {
        if (name == null || name.isEmpty()) {
            return MESSAGE_ATTRIBUTES;
        }
        for (FilterPolicyScope scope : values()) {
            if (scope.awsName.equals(name)) {
                return scope;
            }
        }
        throw new InvalidFilterPolicyException("Invalid parameter: FilterPolicyScope: Invalid value [" + name
                + "]. Please use either MessageBody or MessageAttributes");
    }
}
