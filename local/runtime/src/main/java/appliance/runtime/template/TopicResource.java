package appliance.runtime.template;

import java.util.Optional;

/** An {@code AWS::SNS::Topic}: its local name and ARN, and the KMS key it is encrypted with, if any. */
public record TopicResource(String logicalId, String topicName, String arn, Optional<String> kmsMasterKeyId, boolean fifo) {
}
