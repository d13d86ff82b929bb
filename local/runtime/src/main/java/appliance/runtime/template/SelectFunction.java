package appliance.runtime.template;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code !Select [index, list]}. */
final class SelectFunction implements IntrinsicFunction {

    @Override
    public JsonNode apply(JsonNode argument, IntrinsicResolver resolver, String where) {
        JsonNode arguments = IntrinsicFunction.arguments(argument, 2, "Fn::Select", "[index, list]", where);
        String indexText = IntrinsicFunction.text(resolver.resolve(arguments.get(0), where), "Fn::Select", where);
        JsonNode list = resolver.resolve(arguments.get(1), where);
        int index;
        try {
            index = Integer.parseInt(indexText.trim());
        } catch (NumberFormatException e) {
            throw new TemplateException(where + ": !Select: index '" + indexText + "' is not a whole number");
        }
        if (!list.isArray()) {
            throw new TemplateException(where + ": !Select: the second argument must be a list, got " + list);
        }
        if (index < 0 || index >= list.size()) {
            throw new TemplateException(where + ": !Select: index " + index + " is out of range for a list of " + list.size());
        }
        return list.get(index);
    }
}
