package appliance.runtime.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;

/** The condition functions: Fn::Equals, Fn::Not, Fn::And, Fn::Or. Each is tiny, so they share a file. */
final class ConditionFunctions {

    private ConditionFunctions() {
    }

    /** {@code !Equals [a, b]}: scalars compare by their text (so 1 equals "1", as in CloudFormation). */
    static final class EqualsFunction implements IntrinsicFunction {
        @Override
        public JsonNode apply(JsonNode argument, IntrinsicResolver resolver, String where) {
            JsonNode arguments = IntrinsicFunction.arguments(argument, 2, "Fn::Equals", "[value1, value2]", where);
            JsonNode left = resolver.resolve(arguments.get(0), where);
            JsonNode right = resolver.resolve(arguments.get(1), where);
            boolean equal = left.isValueNode() && right.isValueNode() ? left.asText().equals(right.asText()) : left.equals(right);
            return BooleanNode.valueOf(equal);
        }
    }

    /** {@code !Not [condition]}. */
    static final class NotFunction implements IntrinsicFunction {
        @Override
        public JsonNode apply(JsonNode argument, IntrinsicResolver resolver, String where) {
            JsonNode arguments = IntrinsicFunction.arguments(argument, 1, "Fn::Not", "[condition]", where);
            return BooleanNode.valueOf(!resolver.evaluateCondition(arguments.get(0), where));
        }
    }

    /** {@code !And [conditions...]}: 2 to 10 conditions. */
    static final class AndFunction implements IntrinsicFunction {
        @Override
        public JsonNode apply(JsonNode argument, IntrinsicResolver resolver, String where) {
            requireList(argument, "Fn::And", where);
            for (JsonNode condition : argument) {
                if (!resolver.evaluateCondition(condition, where)) {
                    return BooleanNode.FALSE;
                }
            }
            return BooleanNode.TRUE;
        }
    }

    /** {@code !Or [conditions...]}: 2 to 10 conditions. */
    static final class OrFunction implements IntrinsicFunction {
        @Override
        public JsonNode apply(JsonNode argument, IntrinsicResolver resolver, String where) {
            requireList(argument, "Fn::Or", where);
            for (JsonNode condition : argument) {
                if (resolver.evaluateCondition(condition, where)) {
                    return BooleanNode.TRUE;
                }
            }
            return BooleanNode.FALSE;
        }
    }

    private static void requireList(JsonNode argument, String function, String where) {
        if (argument == null || !argument.isArray() || argument.size() < 2 || argument.size() > 10) {
            throw new TemplateException(where + ": " + IntrinsicFunction.tagOf(function) + " takes a list of 2 to 10 conditions, got " + argument);
        }
    }
}
