package appliance.runtime.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Cases follow the SNS developer guide's example message (customer transactions) and its filter policy examples. */
class SubscriptionFilterPolicyTest {

    static SnsMessageAttribute string(String value) {
        return new SnsMessageAttribute("String", value);
    }

    static SnsMessageAttribute number(String value) {
        return new SnsMessageAttribute("Number", value);
    }

    static SnsMessageAttribute array(String json) {
        return new SnsMessageAttribute("String.Array", json);
    }

    /** The guide's example attributes. */
    static final Map<String, SnsMessageAttribute> TRANSACTION = Map.of(
            "customer_interests", array("[\"soccer\", \"rugby\", \"hockey\"]"),
            "store", string("example_corp"),
            "event", string("order_placed"),
            "price_usd", number("210.75"),
            "source_ip", string("10.0.0.255"),
            "signature", new SnsMessageAttribute("Binary", "AAEC"));

    /** The same transaction as a message body, for scope MessageBody. */
    static final String TRANSACTION_BODY = """
            {"customer_interests": ["soccer", "rugby", "hockey"], "store": "example_corp", "event": "order_placed",
             "price_usd": 210.75, "delivery": {"address": {"city": "Seattle"}, "express": true}}
            """;

    private static boolean attributesMatch(String policy) {
        return SubscriptionFilterPolicy.compile(policy, FilterPolicyScope.MESSAGE_ATTRIBUTES).accepts(TRANSACTION, "not json");
    }

    private static boolean bodyMatches(String policy) {
        return SubscriptionFilterPolicy.compile(policy, FilterPolicyScope.MESSAGE_BODY).accepts(Map.of(), TRANSACTION_BODY);
    }

    @Test
    void the_guides_example_policy_accepts_the_example_message() {
        assertThat(attributesMatch("""
                {"store": ["example_corp"], "event": [{"anything-but": "order_cancelled"}],
                 "customer_interests": ["rugby", "football", "baseball"], "price_usd": [{"numeric": [">=", 100]}]}
                """)).isTrue();
    }

    @Test
    void keys_are_anded_so_one_failing_key_rejects_the_message() {
        assertThat(attributesMatch("{\"store\": [\"example_corp\"], \"event\": [\"order_cancelled\"]}")).isFalse();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "{\"store\": [\"example_corp\", \"other_corp\"]}                       | true",
        "{\"store\": [\"other_corp\"]}                                         | false",
        "{\"customer_interests\": [\"rugby\"]}                                 | true",
        "{\"customer_interests\": [\"tennis\", \"golf\"]}                      | false",
        "{\"customer_interests\": [{\"prefix\": \"hock\"}]}                    | true",
        "{\"customer_interests\": [{\"suffix\": \"ball\"}]}                    | false",
        "{\"event\": [{\"suffix\": \"_placed\"}]}                              | true",
        "{\"store\": [{\"equals-ignore-case\": \"EXAMPLE_CORP\"}]}             | true",
        "{\"event\": [{\"anything-but\": [\"order_cancelled\", \"order_failed\"]}]} | true",
        "{\"event\": [{\"anything-but\": \"order_placed\"}]}                    | false",
        "{\"event\": [{\"anything-but\": {\"prefix\": \"order_\"}}]}            | false",
        "{\"event\": [{\"anything-but\": {\"prefix\": \"refund_\"}}]}           | true",
        "{\"price_usd\": [{\"numeric\": [\">\", 0, \"<=\", 150]}]}              | false",
        "{\"price_usd\": [{\"numeric\": [\">=\", 100, \"<\", 300]}]}            | true",
        "{\"price_usd\": [{\"numeric\": [\"=\", 210.75]}]}                      | true",
        "{\"price_usd\": [210.75]}                                            | true",
        "{\"price_usd\": [\"210.75\"]}                                        | false",
        "{\"store\": [{\"numeric\": [\">\", 0]}]}                               | false",
        "{\"store\": [{\"exists\": true}]}                                     | true",
        "{\"store\": [{\"exists\": false}]}                                    | false",
        "{\"coupon\": [{\"exists\": false}]}                                   | true",
        "{\"coupon\": [{\"exists\": true}]}                                    | false",
        "{\"coupon\": [\"SAVE10\"]}                                            | false",
        "{\"signature\": [{\"exists\": true}]}                                 | false",
        "{\"source_ip\": [{\"cidr\": \"10.0.0.0/24\"}]}                        | true",
        "{\"source_ip\": [{\"cidr\": \"10.0.1.0/24\"}]}                        | false",
        "{\"store\": [\"nope\"], \"$or\": [{\"event\": [\"order_placed\"]}, {\"price_usd\": [210.75]}]} | false",
        "{\"$or\": [{\"store\": [\"nope\"]}, {\"event\": [\"order_placed\"]}]}  | true",
        "{\"$or\": [{\"store\": [\"nope\"]}, {\"event\": [\"nope\"]}]}          | false",
    })
    void attribute_policies_match_as_sns_does(String policy, boolean matches) {
        assertThat(attributesMatch(policy)).isEqualTo(matches);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "{\"store\": [\"example_corp\"]}                                          | true",
        "{\"delivery\": {\"address\": {\"city\": [\"Seattle\"]}}}                 | true",
        "{\"delivery\": {\"address\": {\"city\": [\"Portland\"]}}}                | false",
        "{\"delivery\": {\"express\": [true]}}                                     | true",
        "{\"customer_interests\": [\"hockey\"], \"price_usd\": [{\"numeric\": [\">\", 200]}]} | true",
        "{\"delivery\": {\"gift\": [{\"exists\": false}]}}                         | true",
    })
    void body_policies_match_nested_keys(String policy, boolean matches) {
        assertThat(bodyMatches(policy)).isEqualTo(matches);
    }

    @Test
    void a_body_that_is_not_a_json_object_never_matches_a_body_policy() {
        SubscriptionFilterPolicy policy = SubscriptionFilterPolicy.compile("{\"store\": [{\"exists\": false}]}", FilterPolicyScope.MESSAGE_BODY);
        assertThat(policy.accepts(Map.of(), "plain text")).isFalse();
        assertThat(policy.accepts(Map.of(), "[1, 2]")).isFalse();
        assertThat(policy.accepts(Map.of(), null)).isFalse();
    }

    @Test
    void a_message_without_attributes_does_not_match_an_attribute_policy() {
        SubscriptionFilterPolicy policy = SubscriptionFilterPolicy.compile("{\"outcome\": [\"EARLY_END_PRESET\"]}", FilterPolicyScope.MESSAGE_ATTRIBUTES);
        assertThat(policy.accepts(Map.of(), "{}")).isFalse();
        assertThat(policy.accepts(null, "{}")).isFalse();
        assertThat(policy.accepts(Map.of("outcome", string("EARLY_END_PRESET")), "{}")).isTrue();
    }

    @Test
    void custom_type_suffixes_keep_their_base_type() {
        SubscriptionFilterPolicy policy = SubscriptionFilterPolicy.compile("{\"temp\": [{\"numeric\": [\"<\", 0]}]}", FilterPolicyScope.MESSAGE_ATTRIBUTES);
        assertThat(policy.accepts(Map.of("temp", new SnsMessageAttribute("Number.celsius", "-4.5")), "")).isTrue();
        assertThat(policy.accepts(Map.of("temp", new SnsMessageAttribute("String.celsius", "-4.5")), "")).isFalse();
    }

    @Test
    void no_policy_or_an_empty_policy_accepts_everything() {
        assertThat(SubscriptionFilterPolicy.acceptAll().accepts(Map.of(), "x")).isTrue();
        assertThat(SubscriptionFilterPolicy.compile("{}", FilterPolicyScope.MESSAGE_ATTRIBUTES).accepts(Map.of(), "x")).isTrue();
    }

    @Test
    void a_nested_policy_is_refused_for_message_attributes() {
        assertThatThrownBy(() -> SubscriptionFilterPolicy.compile("{\"a\": {\"b\": [\"c\"]}}", FilterPolicyScope.MESSAGE_ATTRIBUTES))
                .isInstanceOf(InvalidFilterPolicyException.class)
                .hasMessage("Invalid parameter: FilterPolicy: Filter policy scope MessageAttributes does not support nested filter policy");
    }

    @Test
    void a_policy_that_is_not_json_or_not_valid_is_refused_with_a_clear_message() {
        assertThatThrownBy(() -> SubscriptionFilterPolicy.compile("{nope", FilterPolicyScope.MESSAGE_ATTRIBUTES))
                .isInstanceOf(InvalidFilterPolicyException.class).hasMessageStartingWith("Invalid parameter: FilterPolicy: failed to parse JSON.");
        assertThatThrownBy(() -> SubscriptionFilterPolicy.compile("[1]", FilterPolicyScope.MESSAGE_ATTRIBUTES))
                .isInstanceOf(InvalidFilterPolicyException.class).hasMessage("Invalid parameter: FilterPolicy: Filter policy must be a JSON object");
        assertThatThrownBy(() -> SubscriptionFilterPolicy.compile("{\"a\": [{\"numeric\": [\">\", \"x\"]}]}", FilterPolicyScope.MESSAGE_ATTRIBUTES))
                .isInstanceOf(InvalidFilterPolicyException.class).hasMessageStartingWith("Invalid parameter: FilterPolicy: ");
        assertThatThrownBy(() -> SubscriptionFilterPolicy.compile("{\"$or\": [{\"a\": [\"b\"]}]}", FilterPolicyScope.MESSAGE_ATTRIBUTES))
                .isInstanceOf(InvalidFilterPolicyException.class).hasMessageStartingWith("Invalid parameter: FilterPolicy: ").hasMessageNotContaining("\n");
        assertThatThrownBy(() -> FilterPolicyScope.fromAwsName("Body"))
                .isInstanceOf(InvalidFilterPolicyException.class).hasMessageContaining("MessageBody or MessageAttributes");
    }

    @Test
    void a_template_subscription_compiles_with_its_scope() {
        appliance.runtime.template.TopicSubscription subscription = new appliance.runtime.template.TopicSubscription("Push", "arn:topic",
                "application", "arn:endpoint", java.util.Optional.of(new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
                        .set("outcome", new com.fasterxml.jackson.databind.ObjectMapper().createArrayNode().add("EARLY_END_PRESET"))),
                "MessageBody", true);
        SubscriptionFilterPolicy policy = SubscriptionFilterPolicy.of(subscription);
        assertThat(policy.scope()).isEqualTo(FilterPolicyScope.MESSAGE_BODY);
        assertThat(policy.accepts(Map.of(), "{\"outcome\": \"EARLY_END_PRESET\"}")).isTrue();
        assertThat(policy.accepts(Map.of("outcome", string("EARLY_END_PRESET")), "{}")).isFalse();
    }

    @Test
    void sns_limits_on_keys_and_combinations_apply() {
        assertThatThrownBy(() -> SubscriptionFilterPolicy.compile("{\"a\": [1], \"b\": [1], \"c\": [1], \"d\": [1], \"e\": [1], \"f\": [1]}",
                FilterPolicyScope.MESSAGE_ATTRIBUTES))
                .isInstanceOf(InvalidFilterPolicyException.class)
                .hasMessage("Invalid parameter: FilterPolicy: Filter policy can not have more than 5 keys (it has 6: a, b, c, d, e, f)");
        // 6 x 5 x 6 = 180 combinations.
        String tooComplex = "{\"a\": [1, 2, 3, 4, 5, 6], \"b\": {\"c\": [1, 2, 3, 4, 5]}, \"d\": [1, 2, 3, 4, 5, 6]}";
        assertThatThrownBy(() -> SubscriptionFilterPolicy.compile(tooComplex, FilterPolicyScope.MESSAGE_BODY))
                .isInstanceOf(InvalidFilterPolicyException.class)
                .hasMessage("Invalid parameter: FilterPolicy: Filter policy is too complex: 180 combinations of values, at most 150 are allowed");
        // 5 x 6 x 5 = 150 is the most SNS allows.
        assertThat(SubscriptionFilterPolicy.compile("{\"a\": [1, 2, 3, 4, 5], \"b\": [1, 2, 3, 4, 5, 6], \"c\": [1, 2, 3, 4, 5]}",
                FilterPolicyScope.MESSAGE_ATTRIBUTES).accepts(Map.of("a", number("1"), "b", number("2"), "c", number("3")), "")).isTrue();
    }

    @Test
    void the_scope_parses_sns_names_and_defaults_to_message_attributes() {
        assertThat(FilterPolicyScope.fromAwsName(null)).isEqualTo(FilterPolicyScope.MESSAGE_ATTRIBUTES);
        assertThat(FilterPolicyScope.fromAwsName("MessageBody")).isEqualTo(FilterPolicyScope.MESSAGE_BODY);
    }
}
