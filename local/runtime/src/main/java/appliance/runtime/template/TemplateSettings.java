package appliance.runtime.template;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the template is "deployed" locally: the account, region and stack name behind the pseudo
 * parameters and local ARNs, and the parameter overrides ({@code sam deploy --parameter-overrides}).
 * The defaults are Step Functions Local's: account 123456789012 in us-east-1.
 */
public record TemplateSettings(String stackName, String region, String accountId, Map<String, String> parameterOverrides) {

    public static final String DEFAULT_STACK_NAME = "appliance-local";
    public static final String DEFAULT_REGION = "us-east-1";
    public static final String DEFAULT_ACCOUNT_ID = "123456789012";

    public TemplateSettings {
        requireText(stackName, "stackName");
        requireText(region, "region");
        requireText(accountId, "accountId");
        parameterOverrides = parameterOverrides == null ? Map.of() : Map.copyOf(parameterOverrides);
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Template settings: " + what + " must not be empty");
        }
    }

    public static TemplateSettings defaults() {
        return new TemplateSettings(DEFAULT_STACK_NAME, DEFAULT_REGION, DEFAULT_ACCOUNT_ID, Map.of());
    }

    public TemplateSettings withStackName(String name) {
        return new TemplateSettings(name, region, accountId, parameterOverrides);
    }

    /** Adds overrides; a later value for the same key wins, as with repeated {@code --parameter-overrides}. */
    public TemplateSettings withParameterOverrides(Map<String, String> overrides) {
        Map<String, String> merged = new LinkedHashMap<>(parameterOverrides);
        merged.putAll(overrides);
        return new TemplateSettings(stackName, region, accountId, merged);
    }

    /** The partition of the region: aws, aws-cn or aws-us-gov, as {@code AWS::Partition} reports it. */
    public String partition() {
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        return region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
    }

    /** {@code AWS::URLSuffix}. */
    public String urlSuffix() {
        return region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
    }
}
