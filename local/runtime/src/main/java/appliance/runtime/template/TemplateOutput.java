package appliance.runtime.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One entry of {@code Outputs}, its Value resolved; {@link #text()} is what {@code describe-stacks} shows. */
public record TemplateOutput(String name, JsonNode value, Optional<String> description, Optional<String> exportName) {

    public TemplateOutput {
        value = value.deepCopy();
    }

    @Override
    public JsonNode value() {
        return value.deepCopy();
    }

    /** A list value is shown comma-separated, as CloudFormation does. */
    public String text() {
        if (value.isArray()) {
            List<String> parts = new ArrayList<>();
            value.forEach(member -> parts.add(member.asText()));
            return String.join(",", parts);
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }
}
