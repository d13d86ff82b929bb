package appliance.runtime.template;

/** An {@code AWS::SQS::Queue}: what {@code !Ref} returns (the URL), its ARN and name. */
public record QueueResource(String logicalId, String queueName, String url, String arn) {
}
