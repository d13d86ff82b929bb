package appliance.runtime.template;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Any resource of the template after Globals and intrinsic functions: its type, its resolved
 * Properties (a read-only copy) and what {@code !Ref} returns for it locally.
 */
public record TemplateResource(String logicalId, String type, JsonNode properties, String ref) {

    public TemplateResource {
        properties = properties.deepCopy();
    }

    @Override
    public JsonNode properties() {
        return properties.deepCopy();
    }
}
