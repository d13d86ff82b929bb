package appliance.runtime.template;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code !Ref name}: a parameter, a pseudo parameter or a resource (see {@link LocalResources} for what each type returns). */
final class RefFunction implements IntrinsicFunction {

    @Override
    public JsonNode apply(JsonNode argument, IntrinsicResolver resolver, String where) {
        if (argument == null || !argument.isTextual()) {
            throw new TemplateException(where + ": !Ref takes a name, got " + argument);
        }
        return ref(argument.asText(), resolver, where);
    }

    static JsonNode ref(String name, IntrinsicResolver resolver, String where) {
        JsonNode pseudo = resolver.pseudoParameter(name);
        if (pseudo != null) {
            return pseudo;
        }
        if (name.startsWith("AWS::")) {
            throw new TemplateException(where + ": !Ref " + name + ": no such pseudo parameter");
        }
        JsonNode parameter = resolver.parameter(name);
        if (parameter != null) {
            return parameter;
        }
        return resolver.resources().ref(name, where);
    }
}
