package appliance.engine.run;

import appliance.engine.error.StatesFailure;
import com.fasterxml.jackson.databind.JsonNode;

/** How a branch (the whole machine, a Parallel branch, a Map iteration) ended. */
sealed interface Outcome {

    record Succeeded(JsonNode output) implements Outcome {
    }

    record Failed(StatesFailure failure) implements Outcome {
    }
}
