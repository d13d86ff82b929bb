package appliance.engine.jsonata;

import com.dashjoin.jsonata.Functions;
import com.dashjoin.jsonata.Jsonata.JFunction;
import java.time.Instant;

/**
 * {@code $now([picture [, timezone]])} and {@code $millis()} read the injected time, never the wall clock.
 * The jsonata library takes both from {@code System.currentTimeMillis()} at the start of each evaluation
 * and offers no way to set it, so these replace its built-ins in the evaluation's frame. Formatting is
 * the library's own ({@code Functions.dateTimeFromMillis}): {@code $now()} is ISO 8601 in UTC with
 * milliseconds, such as {@code 2024-11-22T10:29:58.123Z}.
 */
final class ClockFunctions {

    static final String NOW_SIGNATURE = "<s?s?:s>";
    static final String MILLIS_SIGNATURE = "<:n>";

    private ClockFunctions() {
    }

    static JFunction now(Instant now) {
        return new JFunction((context, arguments) -> Functions.dateTimeFromMillis(now.toEpochMilli(),
                argument(arguments, 0), argument(arguments, 1)), NOW_SIGNATURE);
    }

    static JFunction millis(Instant now) {
        return new JFunction((context, arguments) -> now.toEpochMilli(), MILLIS_SIGNATURE);
    }

    private static String argument(java.util.List<?> arguments, int index) {
        return index < arguments.size() && arguments.get(index) instanceof String text ? text : null;
    }
}
