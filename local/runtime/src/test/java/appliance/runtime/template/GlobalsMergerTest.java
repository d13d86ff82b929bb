package appliance.runtime.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** SAM's Globals rules, one at a time. */
class GlobalsMergerTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode merge(String globals, String resource) throws Exception {
        return new GlobalsMerger(JSON.readTree(globals)).mergeInto(JSON.readTree(resource)).get("Properties");
    }

    @Test
    void a_primitive_in_the_resource_overrides_the_global_one() throws Exception {
        JsonNode merged = merge("{\"Function\": {\"Timeout\": 10, \"Runtime\": \"java21\"}}",
                "{\"Type\": \"AWS::Serverless::Function\", \"Properties\": {\"Timeout\": 30}}");
        assertThat(merged.get("Timeout").asInt()).isEqualTo(30);
        assertThat(merged.get("Runtime").asText()).isEqualTo("java21");
    }

    @Test
    void maps_merge_key_by_key_at_every_depth_the_resource_winning() throws Exception {
        JsonNode merged = merge("{\"Function\": {\"Environment\": {\"Variables\": {\"A\": \"global\", \"B\": \"global\"}}}}",
                "{\"Type\": \"AWS::Serverless::Function\", \"Properties\": {\"Environment\": {\"Variables\": {\"B\": \"local\", \"C\": \"local\"}}}}");
        assertThat(merged.at("/Environment/Variables").toString()).isEqualTo("{\"A\":\"global\",\"B\":\"local\",\"C\":\"local\"}");
    }

    @Test
    void lists_are_appended_globals_first() throws Exception {
        JsonNode merged = merge("{\"Function\": {\"Layers\": [\"g1\", \"g2\"]}}",
                "{\"Type\": \"AWS::Serverless::Function\", \"Properties\": {\"Layers\": [\"l1\"]}}");
        assertThat(merged.get("Layers").toString()).isEqualTo("[\"g1\",\"g2\",\"l1\"]");
    }

    @Test
    void values_of_different_kinds_take_the_resources() throws Exception {
        JsonNode merged = merge("{\"Function\": {\"Layers\": [\"g1\"]}}",
                "{\"Type\": \"AWS::Serverless::Function\", \"Properties\": {\"Layers\": {\"Ref\": \"LayerList\"}}}");
        assertThat(merged.get("Layers").toString()).isEqualTo("{\"Ref\":\"LayerList\"}");
    }

    @Test
    void only_the_matching_section_applies_and_other_types_are_untouched() throws Exception {
        String globals = "{\"Function\": {\"Timeout\": 10}, \"StateMachine\": {\"Tracing\": {\"Enabled\": true}}}";
        assertThat(merge(globals, "{\"Type\": \"AWS::Serverless::StateMachine\", \"Properties\": {}}").toString())
                .isEqualTo("{\"Tracing\":{\"Enabled\":true}}");
        assertThat(merge(globals, "{\"Type\": \"AWS::SNS::Topic\", \"Properties\": {\"TopicName\": \"t\"}}").toString())
                .isEqualTo("{\"TopicName\":\"t\"}");
        assertThat(merge(globals, "{\"Type\": \"AWS::Serverless::Function\"}").toString()).isEqualTo("{\"Timeout\":10}");
    }
}
