package appliance.runtime.events;

import java.time.Instant;

/** What an input transformer's predefined variables read: the rule's name and ARN, and when the event was received. */
public record RuleContext(String ruleName, String ruleArn, Instant ingestionTime) {
}
