package appliance.runtime.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An {@code AWS::Serverless::Function} as the local runtime runs it, with Globals merged and every
 * intrinsic function resolved. Defaults are Lambda's: 128 MB, 3 seconds, x86_64.
 *
 * @param codeUri      the function's code folder, absolute, resolved against the template's folder
 * @param aliasArn     with AutoPublishAlias, the alias ARN ({@code ...:function:NAME:ALIAS}) that SAM
 *                     points event sources at
 * @param logFormat    LoggingConfig.LogFormat: {@code Text} (Lambda's default) or {@code JSON}
 * @param logGroup     LoggingConfig.LogGroup, or Lambda's default {@code /aws/lambda/NAME}
 * @param snapStart    true with {@code SnapStart: {ApplyOn: PublishedVersions}}
 * @param events       the function's Events, resolved (SNS and EventBridgeRule ones also appear in
 *                     {@link SamTemplate#subscriptions()} and {@link SamTemplate#eventRules()})
 */
public record FunctionResource(
        String logicalId,
        String functionName,
        String arn,
        String handler,
        String runtime,
        Path codeUri,
        int memorySize,
        int timeoutSeconds,
        List<String> architectures,
        Map<String, String> environment,
        OptionalInt reservedConcurrentExecutions,
        Optional<String> autoPublishAlias,
        Optional<String> aliasArn,
        String logFormat,
        String logGroup,
        boolean snapStart,
        Map<String, ResourceEvent> events) {

    public FunctionResource {
        architectures = List.copyOf(architectures);
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        events = Collections.unmodifiableMap(new LinkedHashMap<>(events));
    }

    /** The ARN that callers use: the alias when AutoPublishAlias is set, else the function. */
    public String invokeArn() {
        return aliasArn.orElse(arn);
    }

    /** True for arm64 (Graviton): Lambda's cheaper price per GB-second. */
    public boolean isArm64() {
        return architectures.contains("arm64");
    }

    /** One entry of a resource's {@code Events}: its name, Type and resolved Properties. */
    public record ResourceEvent(String name, String type, JsonNode properties) {
        public ResourceEvent {
            properties = properties.deepCopy();
        }

        @Override
        public JsonNode properties() {
            return properties.deepCopy();
        }
    }
}
