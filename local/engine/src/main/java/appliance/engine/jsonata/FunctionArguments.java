package appliance.engine.jsonata;

import com.dashjoin.jsonata.Jsonata;

/** Checks shared by the functions Step Functions adds: whole numbers, readable names for values. */
final class FunctionArguments {

    private FunctionArguments() {
    }

    /**
     * The argument as a long when it is a whole number; otherwise a failure naming the function and the
     * argument, such as "The argument 'size' of $partition must be an integer, but was: 2.5".
     */
    static long wholeNumber(Object value, String function, String argument) {
        if (value instanceof Number number) {
            double asDouble = number.doubleValue();
            if (asDouble == Math.rint(asDouble) && !Double.isInfinite(asDouble)
                    && Math.abs(asDouble) < 9.0E15) {
                return number.longValue();
            }
        }
        throw new JsonataFunctionException("The argument '" + argument + "' of $" + function
                + " must be an integer, but was: " + describe(value));
    }

    /** A value as JSON text, for messages. */
    static String describe(Object value) {
        if (value == null) {
            return "undefined";
        }
        if (value == Jsonata.NULL_VALUE) {
            return "null";
        }
        try {
            return JsonataValues.toJson(value).toString();
        } catch (JsonataValues.NotJsonException e) {
            return "a function";
        }
    }
}
