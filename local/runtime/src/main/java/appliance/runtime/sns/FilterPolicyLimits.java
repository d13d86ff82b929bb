package appliance.runtime.sns;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * SNS's documented limits on a filter policy: at most five keys, and at most 150 combinations (the
 * product of the number of values of each key; {@code $or} alternatives add up). event-ruler has no such
 * limits, so without this check a policy AWS refuses would work locally.
 */
final class FilterPolicyLimits {

    static final int MAX_KEYS = 5;
    static final int MAX_COMBINATIONS = 150;

    private FilterPolicyLimits() {
    }

    static void check(JsonNode policy) {
        Set<String> keys = new TreeSet<>();
        long combinations = combinations(policy, "", keys);
        if (keys.size() > MAX_KEYS) {
            throw new InvalidFilterPolicyException("Invalid parameter: FilterPolicy: Filter policy can not have more than "
                    + MAX_KEYS + " keys (it has " + keys.size() + ": " + String.join(", ", keys) + ")");
        }
        if (combinations > MAX_COMBINATIONS) {
            throw new InvalidFilterPolicyException("Invalid parameter: FilterPolicy: Filter policy is too complex: "
                    + combinations + " combinations of values, at most " + MAX_COMBINATIONS + " are allowed");
        }
    }

    private static long combinations(JsonNode object, String prefix, Set<String> keys) {
        long product = 1;
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            JsonNode value = entry.getValue();
            long factor;
            if (entry.getKey().equals("$or") && value.isArray()) {
                factor = 0;
                for (JsonNode alternative : value) {
                    factor += alternative.isObject() ? combinations(alternative, prefix, keys) : 1;
                }
            } else if (value.isObject()) {
                factor = combinations(value, prefix + entry.getKey() + ".", keys);
            } else {
                keys.add(prefix + entry.getKey());
                factor = value.isArray() ? Math.max(1, value.size()) : 1;
            }
            product = Math.min(product * Math.max(1, factor), Long.MAX_VALUE / 1024);
        }
        return product;
    }
}
