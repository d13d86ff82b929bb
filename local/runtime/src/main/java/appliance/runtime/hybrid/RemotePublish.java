package appliance.runtime.hybrid;

/**
 * A message the remote SNS accepted, for whoever keeps account of a run (deliveries are the remote
 * side's business, so only the publish itself is known here).
 *
 * @param executionArn the execution whose task published it
 * @param targetArn the TopicArn, TargetArn or PhoneNumber it went to
 * @param subject the Subject; null when none
 * @param message the Message as sent
 * @param messageId the MessageId SNS gave it
 */
public record RemotePublish(String executionArn, String targetArn, String subject, String message, String messageId) {
}
