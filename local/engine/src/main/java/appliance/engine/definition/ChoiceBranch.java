package appliance.engine.definition;

/**
 * One entry of {@code Choices}: a rule, the state it leads to, and what it assigns (and, in JSONata,
 * outputs) when it matches; {@code processing} is null when it has none. A JSONata rule has no compiled
 * {@code condition}: its {@code Condition} expression is a field of its {@link JsonataFlow}.
 */
public record ChoiceBranch(ChoiceCondition condition, String next, Processing processing) {
}
