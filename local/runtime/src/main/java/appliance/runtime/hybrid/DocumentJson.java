package appliance.runtime.hybrid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkNumber;
import software.amazon.awssdk.core.document.Document;

/** The SDK's free-form {@link Document} (a few services take one) to and from JSON. */
final class DocumentJson {

    private DocumentJson() {
    }

    static Document toDocument(JsonNode json) {
        if (json == null || json.isNull()) {
            return Document.fromNull();
        }
        if (json.isObject()) {
            Map<String, Document> members = new LinkedHashMap<>();
            json.properties().forEach(entry -> members.put(entry.getKey(), toDocument(entry.getValue())));
            return Document.fromMap(members);
        }
        if (json.isArray()) {
            List<Document> items = new ArrayList<>();
            json.forEach(item -> items.add(toDocument(item)));
            return Document.fromList(items);
        }
        if (json.isBoolean()) {
            return Document.fromBoolean(json.booleanValue());
        }
        if (json.isNumber()) {
            return Document.fromNumber(SdkNumber.fromBigDecimal(json.decimalValue()));
        }
        return Document.fromString(json.asText());
    }

    static JsonNode toJson(Document document) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (document == null || document.isNull()) {
            return nodes.nullNode();
        }
        if (document.isMap()) {
            ObjectNode object = nodes.objectNode();
            document.asMap().forEach((key, value) -> object.set(key, toJson(value)));
            return object;
        }
        if (document.isList()) {
            ArrayNode array = nodes.arrayNode();
            document.asList().forEach(item -> array.add(toJson(item)));
            return array;
        }
        if (document.isBoolean()) {
            return nodes.booleanNode(document.asBoolean());
        }
        if (document.isNumber()) {
            return nodes.numberNode(document.asNumber().bigDecimalValue());
        }
        return nodes.textNode(document.asString());
    }
}
