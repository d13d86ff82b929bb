package appliance.engine.jsonata;

import com.dashjoin.jsonata.Jsonata.Frame;
import com.dashjoin.jsonata.Jsonata.JFunction;
import java.util.Set;

/**
 * How Step Functions changes JSONata's function library, applied to one evaluation's frame:
 * <ul>
 *   <li>adds {@code $partition}, {@code $range}, {@code $hash}, {@code $random([seed])}, {@code $uuid},
 *       {@code $parse};</li>
 *   <li>removes {@code $eval} (AWS: "not available — use $parse instead"): bound to nothing, so a call
 *       fails as a call of any unknown name does, "T1006: Attempted to invoke a non-function";</li>
 *   <li>takes {@code $now} and {@code $millis} from the injected time.</li>
 * </ul>
 * Functions that depend on the execution (time, randomness) are bound only when the expression names
 * them, so most evaluations build nothing.
 */
final class StepFunctionsLibrary {

    private static final JFunction PARTITION = PartitionFunction.create();
    private static final JFunction RANGE = RangeFunction.create();
    private static final JFunction HASH = HashFunction.create();
    private static final JFunction PARSE = ParseFunction.create();

    private StepFunctionsLibrary() {
    }

    /** Binds the library into {@code frame} for an expression that names the variables in {@code names}. */
    static void bind(Frame frame, Set<String> names, JsonataBindings bindings) {
        frame.bind("partition", PARTITION);
        frame.bind("range", RANGE);
        frame.bind("hash", HASH);
        frame.bind("parse", PARSE);
        // The frame looks a name up with containsKey, so a null binding hides the built-in $eval.
        frame.bind("eval", (Object) null);
        if (names.contains("random")) {
            frame.bind("random", RandomFunction.create(bindings.random()));
        }
        if (names.contains("uuid")) {
            frame.bind("uuid", UuidFunction.create(bindings.random()));
        }
        if (names.contains("now")) {
            frame.bind("now", ClockFunctions.now(bindings.now()));
        }
        if (names.contains("millis")) {
            frame.bind("millis", ClockFunctions.millis(bindings.now()));
        }
    }
}
