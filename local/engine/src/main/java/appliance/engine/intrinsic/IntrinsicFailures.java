package appliance.engine.intrinsic;

import appliance.engine.error.ErrorNames;
import appliance.engine.error.StatesFailure;

/** Builds the {@code States.IntrinsicFailure} a function raises, always naming the function. */
final class IntrinsicFailures {

    private IntrinsicFailures() {
    }

    static StatesFailure of(String function, String reason) {
        return new StatesFailure(ErrorNames.INTRINSIC_FAILURE, "Invalid arguments in " + function + ": " + reason);
    }
}
