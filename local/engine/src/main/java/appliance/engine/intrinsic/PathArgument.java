package appliance.engine.intrinsic;

import appliance.engine.error.StatesFailure;
import appliance.engine.path.DataScope;
import appliance.engine.path.ReferencePath;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.random.RandomGenerator;

/** A path argument ({@code $.a}, {@code $$.Execution.Id}, {@code $var.x}); it must find a value. */
record PathArgument(ReferencePath path) implements Argument {

    @Override
    public JsonNode evaluate(DataScope scope, RandomGenerator random) {
        JsonNode value = path.read(scope);
        if (value == null) {
            // A path that finds nothing is a runtime error of the state, not a function failure.
            throw StatesFailure.runtime("The JsonPath argument '" + path.text()
                    + "' of the intrinsic function could not be found in the input '" + JsonValues.compact(scope.data()) + "'");
        }
        return value;
    }
}
