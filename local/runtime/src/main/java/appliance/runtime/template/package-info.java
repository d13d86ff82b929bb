/**
 * Reads a SAM {@code template.yaml} as {@code sam deploy} would, into an immutable model the local
 * runtime runs: {@link appliance.runtime.template.SamTemplate#load(java.nio.file.Path, appliance.runtime.template.TemplateSettings)}.
 *
 * <p>The order is CloudFormation's and SAM's: the text (YAML with short-form tags, or JSON) becomes one
 * tree in long form ({@link appliance.runtime.template.CloudFormationYaml}); parameters take their
 * overrides or defaults; conditions are evaluated and resources whose Condition is false dropped;
 * {@code Globals} are merged in; intrinsic functions are resolved (one class per function) against local
 * names and ARNs ({@link appliance.runtime.template.LocalArns}); then the typed views (functions, state
 * machines, topics, subscriptions, queues, rule targets, outputs) are read. Every problem is a
 * {@link appliance.runtime.template.TemplateException} naming the resource and property. This package
 * reads files (the template, DefinitionUri); the engine never does.
 */
package appliance.runtime.template;
