/**
 * Choice rules of JSONPath Choice states: {@link appliance.engine.choice.ChoiceRule#compile} turns one
 * element of {@code Choices} (or a nested rule) into an immutable rule, reporting definition problems;
 * {@link appliance.engine.choice.ChoiceRule#matches} tests it against the state's effective input.
 *
 * <p>Semantics follow the AWS-recorded corpus (491 cases over a type matrix): a value of the wrong type
 * makes a comparison false, never an error; a Variable or {@code ...Path} operand that finds nothing
 * fails with {@code States.Runtime} ("Invalid path '$.x': The choice state's condition path references
 * an invalid value."), except for {@code IsPresent}, which answers false. Timestamps are date-times
 * as the developer guide defines them: RFC 3339 with an uppercase T and Z. As the ASL specification
 * says, a rule nested in {@code And}/{@code Or}/{@code Not} must not have {@code Next}, and an open
 * escape backslash in a {@code StringMatches} pattern is a runtime error ({@code States.Runtime} when
 * the rule is evaluated).
 *
 * <p>The branch itself ({@code Next}, {@code Assign}, {@code Output}), {@code Default} and
 * {@code States.NoChoiceMatched} belong to the Choice state in the interpreter, not here.
 */
package appliance.engine.choice;
