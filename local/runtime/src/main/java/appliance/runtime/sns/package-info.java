/**
 * Local SNS. Filter policies: {@link appliance.runtime.sns.SubscriptionFilterPolicy} compiles a
 * subscription's FilterPolicy (scope MessageAttributes or MessageBody) with AWS's event-ruler and is the
 * {@link appliance.runtime.sns.SubscriptionFilter} of a subscription.
 */
package appliance.runtime.sns;
