package appliance.runtime.template;

import com.fasterxml.jackson.databind.JsonNode;

/** What {@code !Ref} and {@code !GetAtt} of a resource return locally. */
interface ResourceReferences {

    /** True when the template (or SAM's generated resources) has this logical id. */
    boolean has(String logicalId);

    /** {@code !Ref logicalId}. @throws TemplateException naming {@code where} when there is no such resource */
    JsonNode ref(String logicalId, String where);

    /** {@code !GetAtt logicalId.attribute}. @throws TemplateException naming {@code where} on a missing resource or attribute */
    JsonNode getAtt(String logicalId, String attribute, String where);
}
