package appliance.runtime.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** {@code !GetAZs region}: three zones a, b, c of the region (the local stand-in has no real zones). */
final class GetAZsFunction implements IntrinsicFunction {

    @Override
    public JsonNode apply(JsonNode argument, IntrinsicResolver resolver, String where) {
        String region = argument == null ? "" : resolver.resolve(argument, where).asText("");
        if (region.isEmpty()) {
            region = resolver.pseudoParameter("AWS::Region").asText();
        }
        ArrayNode zones = JsonNodeFactory.instance.arrayNode();
        for (String zone : new String[] {"a", "b", "c"}) {
            zones.add(region + zone);
        }
        return zones;
    }
}
