package appliance.runtime.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * CloudFormation's pseudo parameters ({@code AWS::Region}, ...) with local values. {@code AWS::NoValue}
 * is a MissingNode: the resolver drops a property or list member whose value is missing, which is
 * exactly what CloudFormation does with it.
 */
final class PseudoParameters {

    private final TemplateSettings settings;

    PseudoParameters(TemplateSettings settings) {
        this.settings = settings;
    }

    /** The value, or null when {@code name} is not a pseudo parameter. */
    JsonNode value(String name) {
        return switch (name) {
            case "AWS::Region" -> TextNode.valueOf(settings.region());
            case "AWS::AccountId" -> TextNode.valueOf(settings.accountId());
            case "AWS::Partition" -> TextNode.valueOf(settings.partition());
            case "AWS::StackName" -> TextNode.valueOf(settings.stackName());
            case "AWS::URLSuffix" -> TextNode.valueOf(settings.urlSuffix());
            case "AWS::StackId" -> TextNode.valueOf("arn:" + settings.partition() + ":cloudformation:" + settings.region() + ":"
                    + settings.accountId() + ":stack/" + settings.stackName() + "/"
                    + LocalArns.stableId("stack", settings.stackName()));
            case "AWS::NotificationARNs" -> JsonNodeFactory.instance.arrayNode();
            case "AWS::NoValue" -> MissingNode.getInstance();
            default -> null;
        };
    }
}
