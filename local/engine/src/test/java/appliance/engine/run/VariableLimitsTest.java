package appliance.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** AWS's size limits on variables: one variable, one Assign, one execution. */
class VariableLimitsTest {

    private static final String CHUNK = "x".repeat(250_000);

    private final Harness harness = new Harness();

    /** A chain of {@code count} Pass states, each storing the input's 250 KB string in a variable of its own. */
    private static String chainAssigning(int count) {
        StringBuilder states = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            states.append(i == 1 ? "" : ",").append("\"S").append(i).append("\":{\"Type\":\"Pass\",\"Assign\":{\"v")
                    .append(i).append(".$\":\"$.s\"},").append(i == count ? "\"End\":true" : "\"Next\":\"S" + (i + 1) + "\"")
                    .append("}");
        }
        return "{\"StartAt\":\"S1\",\"States\":{" + states + "}}";
    }

    @Test
    void variables_of_one_execution_may_hold_up_to_10_mib() {
        var ended = harness.run(chainAssigning(43), "{\"s\":\"" + CHUNK + "\"}");
        assertThat(ended.result().error()).isEqualTo("States.DataLimitExceeded");
        assertThat(ended.result().cause()).contains("10 MiB", "'S42'");
    }

    @Test
    void reassigning_a_variable_replaces_its_size_rather_than_adding_to_it() {
        String definition = chainAssigning(41).replaceAll("\"v\\d+\\.\\$\"", "\"same.\\$\"");
        var ended = harness.run(definition, "{\"s\":\"" + CHUNK + "\"}");
        assertThat(ended.result().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }

    @Test
    void one_assign_may_set_at_most_256_kib_in_all() {
        var ended = harness.run("""
                {"StartAt":"S","States":{"S":{"Type":"Pass","Assign":{"a.$":"$.half","b.$":"$.half"},"End":true}}}""",
                "{\"half\":\"" + "y".repeat(140_000) + "\"}");
        assertThat(ended.result().error()).isEqualTo("States.DataLimitExceeded");
        assertThat(ended.result().cause()).contains("combined", "'S'");
    }

    @Test
    void a_finished_map_iterations_variables_no_longer_count() {
        // 60 iterations of 250 KB each would pass 10 MiB if they all stayed; each ends before the next starts.
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            items.append(i == 0 ? "" : ",").append(i);
        }
        var ended = harness.run("""
                {"StartAt":"M","States":{"M":{"Type":"Map","MaxConcurrency":1,"ItemsPath":"$.items",
                  "ItemSelector":{"s.$":"$.s"},
                  "ItemProcessor":{"StartAt":"A","States":{"A":{"Type":"Pass","Assign":{"local.$":"$.s"},
                    "OutputPath":null,"End":true}}},"End":true}}}""",
                "{\"s\":\"" + CHUNK + "\",\"items\":[" + items + "]}");
        assertThat(ended.result().status()).as("%s %s", ended.result().error(), ended.result().cause())
                .isEqualTo(ExecutionStatus.SUCCEEDED);
    }
}
