package appliance.runtime.lambda;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The names Lambda gives things: ARNs, log groups, log streams. Account and region as Step Functions Local uses. */
public final class LambdaNames {
    public static final String REGION = "us-east-1";
    public static final String ACCOUNT = "123456789012";
    public static final String FUNCTION_ARN_PREFIX = "arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function:";

    private static final DateTimeFormatter STREAM_DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

    private LambdaNames() {
    }

    /** {@code arn:aws:lambda:us-east-1:123456789012:function:NAME}, with {@code :QUALIFIER} when one is given. */
    public static String functionArn(String functionName, String qualifier) {
        return qualifier == null ? FUNCTION_ARN_PREFIX + functionName : FUNCTION_ARN_PREFIX + functionName + ":" + qualifier;
    }

    /** {@code /aws/lambda/NAME}, the log group Lambda writes a function's logs to. */
    public static String logGroupName(String functionName) {
        return "/aws/lambda/" + functionName;
    }

    /** {@code 2026/11/28/[$LATEST]0123...cdef}: one stream per execution environment, named by day, version and id. */
    public static String logStreamName(Instant created, String executedVersion, String environmentId) {
        return STREAM_DATE.format(created) + "/[" + executedVersion + "]" + environmentId;
    }
}
