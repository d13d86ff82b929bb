package appliance.runtime.lambda;

import java.util.Locale;

/**
 * Where functions run. {@link #PROCESS}: every function in processes of its own, speaking the Lambda Runtime API, as
 * Lambda isolates them (what a server needs: it outlives its functions). {@link #IN_PROCESS}: Java functions in this
 * JVM, one class loader per environment (fast; a handler that ends the JVM ends the command), and every other runtime
 * in processes, since only Java can run here.
 */
public enum LambdaIsolation {
    PROCESS("process"),
    IN_PROCESS("in-process");

    private final String flagValue;

    LambdaIsolation(String flagValue) {
        this.flagValue = flagValue;
    }

    /** The value {@code --isolation} takes. */
    public String flagValue() {
        return flagValue;
    }

    /** True when a function of this runtime gets a process of its own. */
    public boolean needsOwnProcess(String runtime) {
        return this == PROCESS || !runtime.startsWith("java");
    }

    /** Reads {@code process} or {@code in-process}; anything else is refused with the values it takes. */
    public static LambdaIsolation parse(String value) {
        for (LambdaIsolation isolation : values()) {
            if (isolation.flagValue.equals(value.toLowerCase(Locale.ROOT))) {
                return isolation;
            }
        }
        throw new IllegalArgumentException("--isolation takes process or in-process, not '" + value + "'");
    }
}
