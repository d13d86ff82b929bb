package appliance.runtime.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code !Sub 'text ${Name} ${Resource.Attr}'} and {@code !Sub [text, {Name: value}]}. {@code ${!Literal}}
 * writes {@code ${Literal}}. A name is looked up in the variable map first, then as a parameter,
 * pseudo parameter or resource; a dotted name is a {@code !GetAtt}.
 */
final class SubFunction implements IntrinsicFunction {

    @Override
    public JsonNode apply(JsonNode argument, IntrinsicResolver resolver, String where) {
        String template;
        Map<String, JsonNode> variables = new HashMap<>();
        if (argument != null && argument.isTextual()) {
            template = argument.asText();
        } else if (argument != null && argument.isArray() && argument.size() == 2 && argument.get(0).isTextual() && argument.get(1).isObject()) {
            template = argument.get(0).asText();
            for (Map.Entry<String, JsonNode> variable : argument.get(1).properties()) {
                variables.put(variable.getKey(), resolver.resolve(variable.getValue(), where));
            }
        } else {
            throw new TemplateException(where + ": !Sub takes a string or [string, {Name: value}], got " + argument);
        }
        return TextNode.valueOf(substitute(template, variables, resolver, where));
    }

    private static String substitute(String template, Map<String, JsonNode> variables, IntrinsicResolver resolver, String where) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < template.length()) {
            int start = template.indexOf("${", at);
            if (start < 0) {
                out.append(template, at, template.length());
                break;
            }
            out.append(template, at, start);
            int end = template.indexOf('}', start);
            if (end < 0) {
                throw new TemplateException(where + ": !Sub '" + template + "': a '${' has no closing '}'");
            }
            String name = template.substring(start + 2, end);
            if (name.startsWith("!")) {
                out.append("${").append(name.substring(1)).append('}');
            } else {
                out.append(valueOf(name, template, variables, resolver, where));
            }
            at = end + 1;
        }
        return out.toString();
    }

    private static String valueOf(String name, String template, Map<String, JsonNode> variables, IntrinsicResolver resolver, String where) {
        JsonNode value;
        String context = where + ": !Sub '" + template + "'";
        if (variables.containsKey(name)) {
            value = variables.get(name);
        } else if (name.contains(".") && !name.startsWith("AWS::")) {
            String logicalId = name.substring(0, name.indexOf('.'));
            value = resolver.resources().getAtt(logicalId, name.substring(name.indexOf('.') + 1), context);
        } else {
            value = RefFunction.ref(name, resolver, context);
        }
        if (value == null || value.isMissingNode() || value.isContainerNode()) {
            throw new TemplateException(context + ": ${" + name + "} is not a single string value (a list needs !Join)");
        }
        return value.asText();
    }
}
