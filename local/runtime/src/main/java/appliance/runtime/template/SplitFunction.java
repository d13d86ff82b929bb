package appliance.runtime.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.regex.Pattern;

/** {@code !Split [delimiter, text]}: every piece is kept, empty ones too, as CloudFormation does. */
final class SplitFunction implements IntrinsicFunction {

    @Override
    public JsonNode apply(JsonNode argument, IntrinsicResolver resolver, String where) {
        JsonNode arguments = IntrinsicFunction.arguments(argument, 2, "Fn::Split", "[delimiter, text]", where);
        String delimiter = IntrinsicFunction.text(resolver.resolve(arguments.get(0), where), "Fn::Split", where);
        String text = IntrinsicFunction.text(resolver.resolve(arguments.get(1), where), "Fn::Split", where);
        if (delimiter.isEmpty()) {
            throw new TemplateException(where + ": !Split: the delimiter must not be empty");
        }
        ArrayNode parts = JsonNodeFactory.instance.arrayNode();
        for (String part : text.split(Pattern.quote(delimiter), -1)) {
            parts.add(part);
        }
        return parts;
    }
}
