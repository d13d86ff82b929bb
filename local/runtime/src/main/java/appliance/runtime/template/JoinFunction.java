package appliance.runtime.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;

/** {@code !Join [delimiter, [values]]}; the list may itself be a function returning a list. */
final class JoinFunction implements IntrinsicFunction {

    @Override
    public JsonNode apply(JsonNode argument, IntrinsicResolver resolver, String where) {
        JsonNode arguments = IntrinsicFunction.arguments(argument, 2, "Fn::Join", "[delimiter, [values]]", where);
        String delimiter = IntrinsicFunction.text(resolver.resolve(arguments.get(0), where), "Fn::Join", where);
        JsonNode values = resolver.resolve(arguments.get(1), where);
        if (!values.isArray()) {
            throw new TemplateException(where + ": !Join: the second argument must be a list, got " + values);
        }
        List<String> parts = new ArrayList<>();
        for (JsonNode value : values) {
            parts.add(IntrinsicFunction.text(value, "Fn::Join", where));
        }
        return TextNode.valueOf(String.join(delimiter, parts));
    }
}
