package appliance.runtime.template;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code !FindInMap [MapName, TopLevelKey, SecondLevelKey]} over the template's {@code Mappings}. */
final class FindInMapFunction implements IntrinsicFunction {

    @Override
    public JsonNode apply(JsonNode argument, IntrinsicResolver resolver, String where) {
        JsonNode arguments = IntrinsicFunction.arguments(argument, 3, "Fn::FindInMap", "[MapName, TopLevelKey, SecondLevelKey]", where);
        String map = IntrinsicFunction.text(resolver.resolve(arguments.get(0), where), "Fn::FindInMap", where);
        String top = IntrinsicFunction.text(resolver.resolve(arguments.get(1), where), "Fn::FindInMap", where);
        String second = IntrinsicFunction.text(resolver.resolve(arguments.get(2), where), "Fn::FindInMap", where);
        String context = where + ": !FindInMap [" + map + ", " + top + ", " + second + "]";
        JsonNode mapping = resolver.mappings().get(map);
        if (mapping == null) {
            throw new TemplateException(context + ": no mapping " + map + " in Mappings");
        }
        JsonNode level = mapping.get(top);
        if (level == null) {
            throw new TemplateException(context + ": mapping " + map + " has no key " + top);
        }
        JsonNode value = level.get(second);
        if (value == null) {
            throw new TemplateException(context + ": mapping " + map + "." + top + " has no key " + second);
        }
        return value;
    }
}
