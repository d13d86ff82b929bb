package appliance.engine.run;

import appliance.engine.error.ErrorNames;
import appliance.engine.error.StatesFailure;
import appliance.engine.path.VariableLookup;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/**
 * The variables one branch can see: its own (written by {@code Assign}) and, read-only, those of the
 * branch around it. A Map iteration or Parallel branch gets a child scope, so its assignments never
 * leak out. Both query languages share it: a JSONPath {@code $name} and a JSONata {@code $name} read the
 * same variables.
 *
 * <p>AWS's size limits apply here: 256 KiB for one variable, 256 KiB for all that one Assign sets, and
 * 10 MiB for all the variables an execution holds at once (a finished branch's variables are gone).
 */
final class VariableScope implements VariableLookup {

    static final long VARIABLE_BYTES = 256 * 1024;
    static final long ASSIGN_BYTES = 256 * 1024;
    static final long EXECUTION_BYTES = 10 * 1024 * 1024;

    private final VariableScope outer;
    private final Map<String, JsonNode> own = new HashMap<>();
    private final Map<String, Long> sizes = new HashMap<>();
    /** Bytes held by every scope of the execution: one counter, shared down from the top scope. */
    private final long[] executionBytes;

    VariableScope(VariableScope outer) {
        this.outer = outer;
        this.executionBytes = outer == null ? new long[1] : outer.executionBytes;
    }

    @Override
    public JsonNode find(String name) {
        JsonNode value = own.get(name);
        if (value != null) {
            return value;
        }
        return outer == null ? null : outer.find(name);
    }

    /**
     * Stores what one state assigns, all or nothing.
     *
     * @throws StatesFailure States.DataLimitExceeded when a size limit would be passed
     */
    void assign(Map<String, JsonNode> values, String stateName) {
        if (values.isEmpty()) {
            return;
        }
        Map<String, Long> newSizes = new HashMap<>();
        long assignBytes = 0;
        long change = 0;
        for (Map.Entry<String, JsonNode> entry : values.entrySet()) {
            long size = JsonSize.utf8Bytes(entry.getValue());
            if (size > VARIABLE_BYTES) {
                throw tooLarge("The variable '" + entry.getKey() + "' assigned by the state '" + stateName
                        + "' has a size exceeding the maximum number of bytes service limit for a variable (256 KiB).");
            }
            newSizes.put(entry.getKey(), size);
            assignBytes += size;
            change += size - sizes.getOrDefault(entry.getKey(), 0L);
        }
        if (assignBytes > ASSIGN_BYTES) {
            throw tooLarge("The variables assigned by the state '" + stateName
                    + "' have a combined size exceeding the maximum number of bytes service limit for one Assign (256 KiB).");
        }
        if (executionBytes[0] + change > EXECUTION_BYTES) {
            throw tooLarge("The variables of the execution would exceed the maximum number of bytes service limit "
                    + "for all variables (10 MiB) after the state '" + stateName + "'.");
        }
        own.putAll(values);
        sizes.putAll(newSizes);
        executionBytes[0] += change;
    }

    /** The branch this scope belongs to has ended: its variables no longer count against the execution. */
    void release() {
        for (long size : sizes.values()) {
            executionBytes[0] -= size;
        }
        sizes.clear();
    }

    private static StatesFailure tooLarge(String cause) {
        return new StatesFailure(ErrorNames.DATA_LIMIT_EXCEEDED, cause);
    }
}
