package appliance.runtime.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Cases from EventBridge's input transformation guide (its EC2 example event), plus the edges. */
class InputTransformerTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final RuleContext RULE = new RuleContext("cook-rule", "arn:aws:events:us-east-1:123456789012:rule/cook-rule",
            Instant.parse("2026-11-28T10:15:30.250Z"));

    static ObjectNode ec2Event() throws Exception {
        return (ObjectNode) JSON.readTree("""
                {"version": "0", "id": "7bf73129-1428-4cd3-a780-95db273d1602", "detail-type": "EC2 Instance State-change Notification",
                 "source": "aws.ec2", "account": "123456789012", "time": "2015-11-11T21:29:54Z", "region": "us-east-1",
                 "resources": ["arn:aws:ec2:us-east-1:123456789012:instance/i-abcd1111"],
                 "detail": {"instance-id": "i-0123456789", "state": "RUNNING", "count": 3}}
                """);
    }

    static String render(String paths, String template) throws Exception {
        ObjectNode transformer = JSON.createObjectNode();
        transformer.set("InputPathsMap", JSON.readTree(paths));
        transformer.put("InputTemplate", template);
        return InputTransformer.compile(transformer, "Rule r, target t").render(ec2Event(), RULE);
    }

    static final String PATHS = "{\"timestamp\": \"$.time\", \"instance\": \"$.detail.instance-id\", \"state\": \"$.detail.state\","
            + " \"resource\": \"$.resources[0]\", \"detail\": \"$.detail\", \"count\": \"$.detail.count\", \"missing\": \"$.detail.nope\"}";

    @Test
    void in_a_json_template_an_unquoted_string_gets_its_quotes() throws Exception {
        String output = render(PATHS, "{\"timestamp\": <timestamp>, \"instance\": <instance>, \"state\": <state>, \"resource\": <resource>}");
        assertThat(output).isEqualTo("{\"timestamp\": \"2015-11-11T21:29:54Z\", \"instance\": \"i-0123456789\", \"state\": \"RUNNING\","
                + " \"resource\": \"arn:aws:ec2:us-east-1:123456789012:instance/i-abcd1111\"}");
    }

    @Test
    void inside_a_quoted_string_the_value_is_written_as_text() throws Exception {
        String output = render(PATHS, "{\"instance_id\": \"instance is <instance>\", \"state\": [9, <state>, true], \"Transformed\": \"Yes\"}");
        assertThat(output).isEqualTo("{\"instance_id\": \"instance is i-0123456789\", \"state\": [9, \"RUNNING\", true], \"Transformed\": \"Yes\"}");
        assertThat(JSON.readTree(output).isObject()).isTrue();
    }

    @Test
    void a_string_template_writes_every_value_as_text() throws Exception {
        assertThat(render(PATHS, "\"instance <instance> is in <state>\"")).isEqualTo("\"instance i-0123456789 is in RUNNING\"");
        assertThat(render(PATHS, "<instance> is in state <state>")).isEqualTo("i-0123456789 is in state RUNNING");
    }

    @Test
    void an_object_inside_a_string_loses_its_inner_quotes() throws Exception {
        assertThat(render(PATHS, "\"Detail is <detail>\"")).isEqualTo("\"Detail is {instance-id:i-0123456789,state:RUNNING,count:3}\"");
    }

    @Test
    void objects_and_numbers_outside_quotes_are_json() throws Exception {
        JsonNode output = JSON.readTree(render(PATHS, "{\"detail\": <detail>, \"count\": <count>}"));
        assertThat(output.get("detail").get("state").asText()).isEqualTo("RUNNING");
        assertThat(output.get("count").isInt()).isTrue();
    }

    @Test
    void a_path_that_selects_nothing_is_null_in_json_and_empty_in_text() throws Exception {
        assertThat(render(PATHS, "{\"a\": <missing>, \"b\": \"x<missing>y\"}")).isEqualTo("{\"a\": null, \"b\": \"xy\"}");
        assertThat(render(PATHS, "value:<missing>.")).isEqualTo("value:.");
    }

    @Test
    void the_predefined_variables() throws Exception {
        JsonNode output = JSON.readTree(render("{}", "{\"rule\": <aws.events.rule-name>, \"arn\": <aws.events.rule-arn>,"
                + " \"at\": <aws.events.event.ingestion-time>, \"event\": <aws.events.event>, \"whole\": <aws.events.event.json>}"));
        assertThat(output.get("rule").asText()).isEqualTo("cook-rule");
        assertThat(output.get("arn").asText()).isEqualTo("arn:aws:events:us-east-1:123456789012:rule/cook-rule");
        assertThat(output.get("at").asText()).isEqualTo("2026-11-28T10:15:30.250Z");
        assertThat(output.get("event").has("detail")).isFalse();
        assertThat(output.get("event").get("source").asText()).isEqualTo("aws.ec2");
        assertThat(output.get("whole")).isEqualTo(ec2Event());
    }

    @Test
    void an_unknown_angle_bracket_name_is_literal_text() throws Exception {
        assertThat(render(PATHS, "\"a <b> c <state>\"")).isEqualTo("\"a <b> c RUNNING\"");
    }

    @Test
    void invalid_transformers_are_refused_naming_the_rule_and_target() {
        assertThatThrownBy(() -> render("{\"aws.x\": \"$.a\"}", "\"<aws.x>\""))
                .isInstanceOf(InvalidRuleException.class).hasMessage("Rule r, target t: InputTransformer.InputPathsMap: the name aws.x is reserved (names may not start with 'AWS.')");
        assertThatThrownBy(() -> render("{\"a\": \"detail\"}", "\"<a>\""))
                .isInstanceOf(InvalidRuleException.class).hasMessage("Rule r, target t: InputTransformer.InputPathsMap.a must be a JSONPath starting with '$', got \"detail\"");
        assertThatThrownBy(() -> render("{\"a\": \"$.detail.state\"}", "{<a>: 1}"))
                .isInstanceOf(InvalidRuleException.class).hasMessageStartingWith("Rule r, target t: InputTransformer.InputTemplate is not valid JSON once its placeholders are filled");
        assertThatThrownBy(() -> InputTransformer.compile(JSON.createObjectNode(), "Rule r, target t"))
                .isInstanceOf(InvalidRuleException.class).hasMessage("Rule r, target t: InputTransformer.InputTemplate is missing");
    }
}
