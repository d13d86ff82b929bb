package appliance.engine.intrinsic;

import appliance.engine.path.DataScope;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/** A call of one intrinsic function; its arguments are evaluated first, left to right, then type-checked. */
record FunctionCall(IntrinsicFunction function, List<Argument> arguments) implements Argument {

    FunctionCall {
        arguments = List.copyOf(arguments);
    }

    @Override
    public JsonNode evaluate(DataScope scope, RandomGenerator random) {
        List<JsonNode> values = new ArrayList<>(arguments.size());
        for (int i = 0; i < arguments.size(); i++) {
            Argument argument = arguments.get(i);
            if (function.wantsEscapedSource(i) && argument instanceof Literal literal && literal.source() != null) {
                values.add(TextNode.valueOf(literal.escapedSource()));
            } else {
                values.add(argument.evaluate(scope, random));
            }
        }
        function.signature().checkTypes(values);
        return function.apply(values, random);
    }
}
