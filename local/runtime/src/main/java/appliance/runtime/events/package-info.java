/**
 * Local EventBridge: {@link appliance.runtime.events.PutEventsFile} reads a put-events file,
 * {@link appliance.runtime.events.EventEnvelope} builds the event EventBridge delivers,
 * {@link appliance.runtime.events.EventRules} matches it with AWS's event-ruler, and
 * {@link appliance.runtime.events.TargetInput} (Input, InputPath, InputTransformer) makes each matched
 * target's input; {@link appliance.runtime.events.EventRouter} ties them together. Clock and ids are
 * injected through {@link appliance.runtime.events.EventEnvironment}.
 */
package appliance.runtime.events;
