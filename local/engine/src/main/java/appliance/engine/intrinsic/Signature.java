package appliance.engine.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The declarative shape of a function: its name, how many arguments it takes, and the type at each
 * position. With {@code repeatsLast}, the last type also covers any further arguments (States.Array,
 * States.Format).
 */
record Signature(String name, int minArguments, int maxArguments, List<ArgumentType> types, boolean repeatsLast) {

    static final int UNBOUNDED = Integer.MAX_VALUE;

    Signature {
        types = List.copyOf(types);
    }

    /** Exactly these arguments. */
    static Signature of(String name, ArgumentType... types) {
        return new Signature(name, types.length, types.length, List.of(types), false);
    }

    /** The first {@code required} types are required, the rest optional. */
    static Signature optional(String name, int required, ArgumentType... types) {
        return new Signature(name, required, types.length, List.of(types), false);
    }

    /** At least {@code min} arguments; the last type repeats without limit. */
    static Signature variadic(String name, int min, ArgumentType... types) {
        return new Signature(name, min, UNBOUNDED, List.of(types), true);
    }

    /** Checked once, when the call is parsed: the count is part of the definition, not of the data. */
    void checkCount(int count) {
        if (count < minArguments || count > maxArguments) {
            throw new IllegalArgumentException("The intrinsic function " + name + " takes " + expectedCount()
                    + " but " + count + (count == 1 ? " was" : " were") + " given");
        }
    }

    private String expectedCount() {
        if (maxArguments == UNBOUNDED) {
            return "at least " + plural(minArguments);
        }
        if (minArguments == maxArguments) {
            return "exactly " + plural(minArguments);
        }
        return minArguments + " to " + plural(maxArguments);
    }

    private static String plural(int count) {
        return count + (count == 1 ? " argument" : " arguments");
    }

    /** Checked on every evaluation, since path arguments bring their types with the data. */
    void checkTypes(List<JsonNode> values) {
        for (int i = 0; i < values.size(); i++) {
            ArgumentType type = typeAt(i);
            JsonNode value = values.get(i);
            if (!type.accepts(value)) {
                throw IntrinsicFailures.of(name, "The argument at index " + i + " must be " + type.description()
                        + ", but was " + JsonValues.describe(value));
            }
        }
    }

    private ArgumentType typeAt(int index) {
        return index < types.size() ? types.get(index) : types.get(types.size() - 1);
    }
}
