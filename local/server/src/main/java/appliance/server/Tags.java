package appliance.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The tags of state machines and activities (TagResource, UntagResource, ListTagsForResource, and
 * CreateStateMachine's {@code tags}), kept by resource ARN with AWS's limits: 50 tags a resource, keys
 * of 1 to 128 characters, values of up to 256, made of letters, digits, white space and {@code _ . : / = + - @}.
 * Each change writes the resource's whole set of tags ({@link ExecutionStore#TAGS_CHANGED}).
 */
final class Tags {

    static final int MAX_TAGS = 50;
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

    private final Map<String, Map<String, String>> byArn = new HashMap<>();
    private final ExecutionStore store;
    private final Arns arns;
    private final Predicate<String> exists;

    /** @param exists whether a state machine or activity of that ARN exists */
    Tags(ExecutionStore store, Arns arns, Predicate<String> exists) {
        this.store = store;
        this.arns = arns;
        this.exists = exists;
        for (ExecutionStore.CatalogRecord record : store.catalog()) {
            if (record.kind() == ExecutionStore.TAGS_CHANGED) {
                Map<String, String> tags = new LinkedHashMap<>();
                record.row().get("tags").fields().forEachRemaining(tag -> tags.put(tag.getKey(), tag.getValue().asText()));
                put(record.row().get("arn").asText(), tags);
            }
        }
    }

    private void put(String arn, Map<String, String> tags) {
        if (tags.isEmpty()) {
            byArn.remove(arn);
        } else {
            byArn.put(arn, tags);
        }
    }

    private void save(String arn, Map<String, String> tags) {
        ObjectNode row = JsonNodeFactory.instance.objectNode();
        row.put("arn", arn);
        ObjectNode values = row.putObject("tags");
        tags.forEach(values::put);
        StateMachines.durable(store.saveCatalog(ExecutionStore.TAGS_CHANGED, row));
        put(arn, tags);
    }

    ObjectNode tag(Request request) {
        String arn = request.requiredString("resourceArn");
        JsonNode list = request.get("tags");
        if (list == null || list.isNull()) {
            throw ApiException.validation("1 validation error detected: Value null at 'tags' failed to satisfy"
                    + " constraint: Member must not be null");
        }
        Map<String, String> added = read(list);
        synchronized (this) {
            requireResource(arn);
            add(arn, added);
        }
        return JsonNodeFactory.instance.objectNode();
    }

    /** Adds tags to a resource (replacing the values of keys it has), as TagResource and CreateStateMachine do. */
    synchronized void add(String arn, Map<String, String> added) {
        Map<String, String> tags = new LinkedHashMap<>(byArn.getOrDefault(arn, Map.of()));
        tags.putAll(added);
        if (tags.size() > MAX_TAGS) {
            throw new ApiException("TooManyTags", "Too many tags for the resource '" + arn + "': a resource can have at"
                    + " most " + MAX_TAGS + " tags, and it would have " + tags.size());
        }
        save(arn, tags);
    }

    ObjectNode untag(Request request) {
        String arn = request.requiredString("resourceArn");
        JsonNode keys = request.get("tagKeys");
        if (keys == null || !keys.isArray()) {
            throw ApiException.validation("1 validation error detected: Value null at 'tagKeys' failed to satisfy"
                    + " constraint: Member must not be null");
        }
        synchronized (this) {
            requireResource(arn);
            Map<String, String> tags = new LinkedHashMap<>(byArn.getOrDefault(arn, Map.of()));
            for (JsonNode key : keys) {
                tags.remove(key.asText());
            }
            save(arn, tags);
        }
        return JsonNodeFactory.instance.objectNode();
    }

    ObjectNode list(Request request) {
        String arn = request.requiredString("resourceArn");
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        ArrayNode items = response.putArray("tags");
        synchronized (this) {
            requireResource(arn);
            byArn.getOrDefault(arn, Map.of()).forEach((key, value) -> items.addObject().put("key", key).put("value", value));
        }
        return response;
    }

    /** The resource was deleted: its tags go with it (a new one of the same name starts untagged). */
    synchronized void forget(String arn) {
        if (byArn.containsKey(arn)) {
            save(arn, Map.of());
        }
    }

    /**
     * Reads a request's list of tags, with AWS's checks.
     *
     * @throws ApiException ValidationException naming the tag that breaks a rule
     */
    static Map<String, String> read(JsonNode list) {
        if (!list.isArray()) {
            throw ApiException.validation("Field 'tags' must be a list of {key, value} objects");
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (JsonNode tag : list) {
            JsonNode key = tag.get("key");
            JsonNode value = tag.get("value");
            if (key == null || !key.isTextual() || key.asText().isEmpty() || key.asText().length() > 128) {
                throw ApiException.validation("1 validation error detected: Value '" + key + "' at 'tags.member.key'"
                        + " failed to satisfy constraint: Member must have length between 1 and 128");
            }
            String text = value == null || value.isNull() ? "" : value.asText();
            if (text.length() > 256) {
                throw ApiException.validation("1 validation error detected: Value at 'tags.member.value' failed to"
                        + " satisfy constraint: Member must have length less than or equal to 256");
            }
            if (!ALLOWED.matcher(key.asText()).matches() || !ALLOWED.matcher(text).matches()) {
                throw ApiException.validation("Tags may only contain Unicode letters, digits, white space, or these"
                        + " symbols: _ . : / = + - @ (tag '" + key.asText() + "')");
            }
            tags.put(key.asText(), text);
        }
        return tags;
    }

    /** @throws ApiException InvalidArn for an ARN that is no state machine's or activity's, ResourceNotFound when it does not exist */
    private void requireResource(String arn) {
        boolean machine = arn.startsWith(arns.prefix() + "stateMachine:") && arns.qualified(arn).unqualified();
        boolean activity = arn.startsWith(arns.prefix() + "activity:") && arn.length() > (arns.prefix() + "activity:").length();
        if (!machine && !activity) {
            throw ApiException.invalidArn(arn);
        }
        if (!exists.test(arn)) {
            throw ApiException.resourceNotFound(arn);
        }
    }
}
