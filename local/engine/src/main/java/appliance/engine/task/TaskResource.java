package appliance.engine.task;

/**
 * What a Task's {@code Resource} ARN names, as history events describe it: a Lambda function called
 * directly ({@code arn:aws:lambda:...:function:NAME}), or a service integration
 * ({@code arn:aws:states:::SERVICE:ACTION[.sync|.waitForTaskToken]}) with its resource type and name, or
 * an activity ({@code arn:aws:states:REGION:ACCOUNT:activity:NAME}).
 */
public record TaskResource(String arn, boolean lambdaFunction, String resourceType, String resourceName, String region) {

    public static TaskResource of(String arn) {
        String[] parts = arn.split(":", -1);
        if (parts.length >= 7 && "lambda".equals(parts[2]) && "function".equals(parts[5])) {
            return new TaskResource(arn, true, "lambda", parts[6], parts[3]);
        }
        if (parts.length >= 7 && "states".equals(parts[2]) && parts[3].isEmpty()) {
            return new TaskResource(arn, false, parts[5], String.join(":", java.util.Arrays.copyOfRange(parts, 6, parts.length)), "us-east-1");
        }
        return new TaskResource(arn, false, parts.length > 2 ? parts[2] : "unknown", arn, parts.length > 3 ? parts[3] : "");
    }

    /** An activity's ARN: workers take its tasks with GetActivityTask; history says Activity*. */
    public boolean activity() {
        return isActivity(arn);
    }

    /** Whether {@code arn} names an activity ({@code arn:aws:states:REGION:ACCOUNT:activity:NAME}). */
    public static boolean isActivity(String arn) {
        String[] parts = arn.split(":", -1);
        return parts.length == 7 && "states".equals(parts[2]) && !parts[3].isEmpty() && "activity".equals(parts[5])
                && !parts[6].isEmpty();
    }

    /** A callback integration ({@code .waitForTaskToken}): it answers when its task token comes back. */
    public boolean callback() {
        return arn.endsWith(".waitForTaskToken");
    }
}
