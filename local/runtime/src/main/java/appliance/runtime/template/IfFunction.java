package appliance.runtime.template;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code !If [Condition, valueIfTrue, valueIfFalse]}: only the branch taken is resolved. */
final class IfFunction implements IntrinsicFunction {

    @Override
    public JsonNode apply(JsonNode argument, IntrinsicResolver resolver, String where) {
        JsonNode arguments = IntrinsicFunction.arguments(argument, 3, "Fn::If", "[ConditionName, valueIfTrue, valueIfFalse]", where);
        String condition = IntrinsicFunction.text(arguments.get(0), "Fn::If", where);
        return resolver.resolve(resolver.condition(condition, where + ": !If") ? arguments.get(1) : arguments.get(2), where);
    }
}
