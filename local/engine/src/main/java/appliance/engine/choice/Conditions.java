package appliance.engine.choice;

import appliance.engine.error.StatesFailure;
import appliance.engine.path.DataScope;
import appliance.engine.path.ReferencePath;
import com.fasterxml.jackson.databind.JsonNode;

/** Reading the values a rule compares, with AWS's error for a path that finds nothing. */
final class Conditions {

    private Conditions() {
    }

    /**
     * The value at the path; a path that finds nothing fails the state with States.Runtime, in AWS's
     * words (the interpreter adds its "An error occurred while executing the state ..." prefix).
     */
    static JsonNode readRequired(ReferencePath path, DataScope scope) {
        JsonNode value = path.read(scope);
        if (value == null) {
            throw StatesFailure.runtime("Invalid path '" + path.text()
                    + "': The choice state's condition path references an invalid value.");
        }
        return value;
    }
}
