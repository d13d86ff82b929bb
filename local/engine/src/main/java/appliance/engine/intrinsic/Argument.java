package appliance.engine.intrinsic;

import appliance.engine.path.DataScope;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.random.RandomGenerator;

/** One node of an intrinsic call's syntax tree: a literal, a path, or a nested call. */
sealed interface Argument permits Literal, PathArgument, FunctionCall {

    JsonNode evaluate(DataScope scope, RandomGenerator random);
}
