package appliance.engine.jsonata;

import static appliance.engine.jsonata.Json.bindings;
import static appliance.engine.jsonata.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

import appliance.engine.error.StatesFailure;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * A template is compiled once per definition and evaluated by many executions at once (Map and
 * Parallel branches, concurrent executions). The jsonata library keeps per-thread evaluator state; this
 * checks that one shared template gives each caller its own answer.
 */
class ConcurrentEvaluationTest {

    @Test
    void one_template_evaluated_from_many_threads_gives_each_caller_its_own_result() throws Exception {
        JsonataTemplate template = JsonataTemplate.compile(json(
                "{\"sum\": \"{% $sum($states.input.values) + $offset %}\", \"id\": \"{% $states.input.id %}\","
                        + " \"items\": \"{% $states.input.values[$ > 1] %}\", \"when\": \"{% $now() %}\"}"), "Output");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<JsonNode>> results = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                int id = i;
                results.add(pool.submit(() -> template.evaluate(
                        bindings("{\"id\": " + id + ", \"values\": [1, 2, " + id + "]}", Map.of("offset", json("" + id))))));
            }
            for (int i = 0; i < results.size(); i++) {
                JsonNode result = results.get(i).get();
                assertThat(result.get("id").intValue()).isEqualTo(i);
                assertThat(result.get("sum").intValue()).isEqualTo(3 + 2 * i);
                assertThat(result.get("when").textValue()).isEqualTo("2024-11-22T10:29:58.123Z");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_failing_evaluation_on_one_thread_does_not_disturb_another() throws Exception {
        JsonataTemplate template = JsonataTemplate.compile(json("\"{% $states.input.n + 1 %}\""), "Output");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String input = i % 2 == 0 ? "{\"n\": " + i + "}" : "{\"n\": \"text\"}";
                results.add(pool.submit(() -> {
                    try {
                        return template.evaluate(bindings(input)).toString();
                    } catch (StatesFailure failure) {
                        return failure.cause();
                    }
                }));
            }
            for (int i = 0; i < results.size(); i++) {
                if (i % 2 == 0) {
                    assertThat(results.get(i).get()).isEqualTo(String.valueOf(i + 1));
                } else {
                    assertThat(results.get(i).get()).endsWith(
                            "T2001: The left side of the \"+\" operator must evaluate to a number");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
