package appliance.runtime.template;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code !GetAtt Resource.Attribute}, long form {@code [Resource, Attribute]} (the attribute may be a !Ref). */
final class GetAttFunction implements IntrinsicFunction {

    @Override
    public JsonNode apply(JsonNode argument, IntrinsicResolver resolver, String where) {
        String logicalId;
        String attribute;
        if (argument != null && argument.isTextual() && argument.asText().contains(".")) {
            String text = argument.asText();
            logicalId = text.substring(0, text.indexOf('.'));
            attribute = text.substring(text.indexOf('.') + 1);
        } else if (argument != null && argument.isArray() && argument.size() == 2) {
            logicalId = IntrinsicFunction.text(argument.get(0), "Fn::GetAtt", where);
            attribute = IntrinsicFunction.text(resolver.resolve(argument.get(1), where), "Fn::GetAtt", where);
        } else {
            throw new TemplateException(where + ": !GetAtt takes Resource.Attribute or [Resource, Attribute], got " + argument);
        }
        return resolver.resources().getAtt(logicalId, attribute, where);
    }
}
