package appliance.runtime.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import appliance.runtime.template.EventRuleTarget;
import appliance.runtime.template.SamTemplate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** PutEvents against the rules of the test template: matching with event-ruler, then each target's input. */
class EventRouterTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static SamTemplate template;
    static EventRouter router;

    @BeforeAll
    static void load() throws Exception {
        template = SamTemplate.load(Path.of(EventRouterTest.class.getResource("/template/template.yaml").toURI()));
        AtomicInteger ids = new AtomicInteger();
        EventEnvironment environment = new EventEnvironment("123456789012", "us-east-1",
                Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC), () -> "event-" + ids.incrementAndGet());
        router = new EventRouter(EventRules.fromTemplate(template), environment);
    }

    static PutEventsEntry entry(String source, String detailType, String bus) {
        return new PutEventsEntry(source, detailType, "{\"cook_secs\": 10, \"req_secs\": 30, \"pre\": \"popcorn\"}", bus, List.of(), Optional.empty());
    }

    @Test
    void a_cook_ended_event_reaches_every_matching_target_with_its_own_input() throws Exception {
        EventRouter.RoutedEvent routed = router.route(entry("appliance.microwave", "Cook Ended", "default"));
        assertThat(routed.eventId()).startsWith("event-");
        assertThat(routed.deliveries()).extracting(d -> d.target().ruleLogicalId())
                .containsExactly("ClassifyCookFunctionCookEnded", "CookStateMachineCookEvent", "AuditRule");
        assertThat(JSON.readTree(routed.deliveries().get(0).input()))
                .as("InputPath $.detail").isEqualTo(JSON.readTree("{\"cook_secs\": 10, \"req_secs\": 30, \"pre\": \"popcorn\"}"));
        assertThat(routed.deliveries().get(1).input()).as("InputTransformer").isEqualTo("{\"cook_secs\": 10}");
        assertThat(routed.deliveries().get(2).input()).as("constant Input").isEqualTo("{\"audit\": true}");
        assertThat(routed.deliveries().get(1).target().targetLogicalId()).contains("CookStateMachine");
    }

    @Test
    void a_put_events_file_gives_eventbridges_response_with_per_entry_errors() {
        List<PutEventsFile.ParsedEntry> entries = PutEventsFile.parse("""
                [{"Source": "appliance.microwave", "DetailType": "Cook Ended", "Detail": "{\\"cook_secs\\": 5}"},
                 {"Source": "appliance.microwave", "DetailType": "Cook Ended", "Detail": "{broken"}]
                """, "events.json");
        EventRouter.PutEventsOutcome outcome = router.putEvents(entries);
        assertThat(outcome.failedEntryCount()).isEqualTo(1);
        assertThat(outcome.routed().get(0).orElseThrow().deliveries()).hasSize(3);
        JsonNode response = outcome.toAwsResponse();
        assertThat(response.get("FailedEntryCount").asInt()).isEqualTo(1);
        assertThat(response.at("/Entries/0/EventId").asText()).startsWith("event-");
        assertThat(response.at("/Entries/1/ErrorCode").asText()).isEqualTo("MalformedDetail");
        assertThat(response.at("/Entries/1/ErrorMessage").asText()).startsWith("Entry 2: Detail is malformed: ");
    }

    @Test
    void a_pattern_on_detail_type_filters() {
        EventRouter.RoutedEvent routed = router.route(entry("appliance.microwave", "Cook Started", "default"));
        assertThat(routed.deliveries()).extracting(d -> d.target().ruleLogicalId())
                .containsExactly("ClassifyCookFunctionCookEnded", "AuditRule");
    }

    @Test
    void nothing_matches_another_source_or_another_bus() {
        assertThat(router.route(entry("appliance.fridge", "Cook Ended", "default")).deliveries()).isEmpty();
        assertThat(router.route(entry("appliance.microwave", "Cook Ended", "other-bus")).deliveries()).isEmpty();
    }

    @Test
    void the_routed_event_is_the_envelope_targets_without_input_settings_receive() throws Exception {
        EventRuleTarget wholeEvent = target("{\"source\": [\"appliance.microwave\"]}", "default", true);
        EventRouter plain = new EventRouter(EventRules.compile(List.of(wholeEvent)), EventEnvironment.local());
        EventRouter.RoutedEvent routed = plain.route(entry("appliance.microwave", "Cook Ended", null));
        JsonNode delivered = JSON.readTree(routed.deliveries().get(0).input());
        assertThat(delivered).isEqualTo(routed.event());
        assertThat(delivered.get("detail-type").asText()).isEqualTo("Cook Ended");
    }

    @Test
    void disabled_rules_do_not_match() {
        EventRouter none = new EventRouter(EventRules.compile(List.of(target("{\"source\": [\"appliance.microwave\"]}", "default", false))), EventEnvironment.local());
        assertThat(none.route(entry("appliance.microwave", "Cook Ended", "default")).deliveries()).isEmpty();
    }

    @Test
    void event_ruler_patterns_beyond_exact_values_work() {
        EventRuleTarget numeric = target("{\"detail\": {\"cook_secs\": [{\"numeric\": [\"<\", 30]}], \"pre\": [{\"exists\": true}]}}", "default", true);
        EventRouter router = new EventRouter(EventRules.compile(List.of(numeric)), EventEnvironment.local());
        assertThat(router.route(entry("appliance.microwave", "Cook Ended", "default")).deliveries()).hasSize(1);
        PutEventsEntry completed = new PutEventsEntry("s", "d", "{\"cook_secs\": 30, \"pre\": \"x\"}", "default", List.of(), Optional.empty());
        assertThat(router.route(completed).deliveries()).isEmpty();
    }

    @Test
    void an_invalid_pattern_names_the_rule() {
        assertThatThrownBy(() -> EventRules.compile(List.of(target("{\"source\": \"not-a-list\"}", "default", true))))
                .isInstanceOf(InvalidRuleException.class).hasMessageStartingWith("Rule test-rule: Event pattern is not valid. Reason: ");
        assertThatThrownBy(() -> EventRules.compile(List.of(target("{}", "default", true))))
                .isInstanceOf(InvalidRuleException.class).hasMessage("Rule test-rule: Event pattern is not valid. Reason: it is empty");
    }

    @Test
    void a_target_with_two_input_settings_is_refused() throws Exception {
        EventRuleTarget both = new EventRuleTarget("R", "test-rule", "arn:rule", "default", JSON.readTree("{\"source\": [\"a\"]}"), true,
                "T", "arn:target", Optional.empty(), Optional.of("{}"), Optional.of("$.detail"), Optional.empty(), Optional.empty(), Optional.empty());
        assertThatThrownBy(() -> new EventRouter(EventRules.compile(List.of(both)), EventEnvironment.local()))
                .isInstanceOf(InvalidRuleException.class).hasMessage("Rule test-rule, target T: only one of Input, InputPath or InputTransformer may be given");
    }

    private static EventRuleTarget target(String pattern, String bus, boolean enabled) {
        try {
            return new EventRuleTarget("R", "test-rule", "arn:aws:events:us-east-1:123456789012:rule/test-rule", bus, JSON.readTree(pattern), enabled,
                    "T", "arn:aws:states:us-east-1:123456789012:stateMachine:m", Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
