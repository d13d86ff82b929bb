package appliance.runtime.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** Every intrinsic function the local runtime knows, by its long-form name. */
final class IntrinsicFunctions {

    private static final Map<String, IntrinsicFunction> FUNCTIONS = Map.ofEntries(
            Map.entry("Ref", new RefFunction()),
            Map.entry("Fn::GetAtt", new GetAttFunction()),
            Map.entry("Fn::Sub", new SubFunction()),
            Map.entry("Fn::Join", new JoinFunction()),
            Map.entry("Fn::If", new IfFunction()),
            Map.entry("Fn::Select", new SelectFunction()),
            Map.entry("Fn::Split", new SplitFunction()),
            Map.entry("Fn::FindInMap", new FindInMapFunction()),
            Map.entry("Fn::Base64", new Base64Function()),
            Map.entry("Fn::GetAZs", new GetAZsFunction()),
            Map.entry("Fn::Equals", new ConditionFunctions.EqualsFunction()),
            Map.entry("Fn::Not", new ConditionFunctions.NotFunction()),
            Map.entry("Fn::And", new ConditionFunctions.AndFunction()),
            Map.entry("Fn::Or", new ConditionFunctions.OrFunction()),
            Map.entry("Fn::ImportValue", unsupported("Fn::ImportValue", "values exported by other stacks do not exist locally; pass the value as a parameter instead")),
            Map.entry("Fn::Transform", unsupported("Fn::Transform", "macros (AWS::Include and others) do not run locally")),
            Map.entry("Fn::Cidr", unsupported("Fn::Cidr", "not supported by the local runtime")));

    private IntrinsicFunctions() {
    }

    static JsonNode apply(String function, JsonNode argument, IntrinsicResolver resolver, String where) {
        IntrinsicFunction implementation = FUNCTIONS.get(function);
        if (implementation == null) {
            throw new TemplateException(where + ": " + function + " is not an intrinsic function the local runtime knows");
        }
        return implementation.apply(argument, resolver, where);
    }

    private static IntrinsicFunction unsupported(String function, String reason) {
        return (argument, resolver, where) -> {
            String shown = argument != null && argument.isTextual() ? argument.asText() : String.valueOf(argument);
            throw new TemplateException(where + ": " + IntrinsicFunction.tagOf(function) + " " + shown + ": " + reason);
        };
    }
}
