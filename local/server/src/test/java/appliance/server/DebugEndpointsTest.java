package appliance.server;

import static org.assertj.core.api.Assertions.assertThat;

import appliance.engine.definition.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The web debugger's files at {@code /} and its JSON endpoints under {@code /debug/}, over plain HTTP. */
class DebugEndpointsTest {

    private final ControllableTasks tasks = new ControllableTasks();
    private final StepFunctionsServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    DebugEndpointsTest() throws Exception {
        server = StepFunctionsServer.start(ServerOptions.inMemory(0)
                .withMockConfig(CookWorkflowFixture.mockConfig())
                .withSamples(CookWorkflowFixture.samples()), tasks, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        server.close();
    }

    @Test
    void the_page_and_its_scripts_are_served_beside_the_api() throws Exception {
        HttpResponse<String> page = get("/");
        HttpResponse<String> script = get("/layout.js");
        HttpResponse<String> outside = get("/..%2Fpom.xml");
        HttpResponse<String> api = http.send(HttpRequest.newBuilder(server.endpoint().resolve("/"))
                .header("X-Amz-Target", "AWSStepFunctions.ListStateMachines")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.body()).contains("<script src=\"app.js\"></script>").doesNotContain("http://", "https://");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
        assertThat(outside.statusCode()).isEqualTo(404);
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body()).isEqualTo("{\"stateMachines\":[]}");
    }

    @Test
    void the_machine_endpoint_gives_the_graph_and_the_mock_test_cases() throws Exception {
        String arn = server.registerStateMachine("CookWorkflow", CookWorkflowFixture.definition(), "STANDARD", tasks);

        JsonNode machine = json(get("/debug/machine?stateMachineArn=" + encode(arn)));

        JsonNode graph = machine.get("graph");
        assertThat(graph.get("startAt").asText()).isEqualTo("Receive cook event");
        assertThat(graph.get("nodes")).hasSize(12);
        assertThat(kinds(graph, "CATCH")).containsExactly(
                "Classify cook -> Record rejected event [appliance.classifier.InvalidCookEventException]",
                "Notify owner -> Record cook [States.ALL]");
        assertThat(kinds(graph, "DEFAULT")).hasSize(2);
        assertThat(kinds(graph, "CHOICE")).hasSize(2);
        assertThat(machine.get("testCases")).extracting(JsonNode::asText).contains("PresetEndedEarly", "NotificationFailed");
        assertThat(machine.get("definition").asText()).contains("\"StartAt\": \"Receive cook event\"");
    }

    @Test
    void visits_show_each_state_status_and_processing_in_branches_and_iterations() throws Exception {
        String arn = server.registerStateMachine("FanOut", WebDebuggerDemo.FAN_OUT, "STANDARD", tasks);
        String execution = start(arn, "three", "{\"items\":[1,2,3]}");
        assertThat(server.finished(execution).get(10, TimeUnit.SECONDS)).isEqualTo("SUCCEEDED");

        JsonNode answer = json(get("/debug/visits?executionArn=" + encode(execution)));
        JsonNode visits = answer.get("visits");

        assertThat(answer.at("/execution/status").asText()).isEqualTo("SUCCEEDED");
        assertThat(names(visits)).containsExactlyInAnyOrder("Prepare", "Both", "Each item", "Try failing",
                "Echo item", "Echo item", "Echo item", "Recovered", "Check", "Done");
        JsonNode prepare = visit(visits, "Prepare");
        assertThat(Json.MAPPER.readTree(prepare.at("/steps/afterParameters").asText()).get("at").asText())
                .as("the context object is the execution's").endsWith("Z").startsWith("20");
        JsonNode failing = visit(visits, "Try failing");
        assertThat(failing.get("status").asText()).isEqualTo("CAUGHT");
        assertThat(failing.get("error").asText()).isEqualTo("Custom.Error");
        assertThat(failing.get("cause").asText()).isEqualTo("it failed");
        assertThat(failing.has("steps") && !failing.get("steps").has("result")).isTrue();
        assertThat(failing.get("output").asText()).contains("\"Error\":\"Custom.Error\"");
        List<String> echoed = new ArrayList<>();
        for (JsonNode visit : visits) {
            if (visit.get("name").asText().equals("Echo item")) {
                assertThat(visit.get("status").asText()).isEqualTo("SUCCEEDED");
                assertThat(visit.get("eventIds")).hasSize(5);
                echoed.add(visit.at("/steps/result").asText());
            }
        }
        assertThat(echoed).containsExactlyInAnyOrder("{\"item\":1}", "{\"item\":2}", "{\"item\":3}");
        assertThat(visit(visits, "Both").at("/steps/afterParameters").asText()).contains("\"items\":[1,2,3]");
        assertThat(visit(visits, "Each item").at("/steps/result").asText())
                .isEqualTo("[{\"item\":1},{\"item\":2},{\"item\":3}]");
        JsonNode bothResult = Json.MAPPER.readTree(visit(visits, "Both").at("/steps/result").asText());
        assertThat(bothResult).hasSize(2);
        assertThat(Json.compact(bothResult.get(0))).isEqualTo("[{\"item\":1},{\"item\":2},{\"item\":3}]");
        assertThat(bothResult.get(1).at("/error/Error").asText()).isEqualTo("Custom.Error");
        assertThat(Json.MAPPER.readTree(visit(visits, "Both").at("/steps/afterResultPath").asText()).get("both"))
                .isEqualTo(bothResult);
        assertThat(visit(visits, "Both").at("/steps/afterResultPath").asText())
                .isEqualTo(visit(visits, "Both").get("output").asText());
        assertThat(visit(visits, "Both").get("output").asText()).contains("\"both\":[");
        assertThat(visit(visits, "Check").get("status").asText()).isEqualTo("SUCCEEDED");
    }

    @Test
    void a_parallel_run_once_per_map_iteration_gets_the_outputs_of_its_own_branches() throws Exception {
        String arn = server.registerStateMachine("Forks", """
                {"StartAt": "Each", "States": {"Each": {"Type": "Map", "End": true, "ItemProcessor": {
                  "StartAt": "Fork", "States": {"Fork": {"Type": "Parallel", "End": true, "Branches": [
                    {"StartAt": "Left", "States": {"Left": {"Type": "Pass", "Parameters": {"l.$": "$"}, "End": true}}},
                    {"StartAt": "Right", "States": {"Right": {"Type": "Pass", "Parameters": {"r.$": "$"}, "End": true}}}]}}}}}}
                """, "STANDARD", tasks);
        String execution = start(arn, "forks", "[1, 2]");
        server.finished(execution).get(10, TimeUnit.SECONDS);

        JsonNode visits = json(get("/debug/visits?executionArn=" + encode(execution))).get("visits");

        List<String> forkResults = new ArrayList<>();
        for (JsonNode visit : visits) {
            if (visit.get("name").asText().equals("Fork")) {
                forkResults.add(visit.at("/steps/result").asText());
            }
        }
        assertThat(forkResults).containsExactlyInAnyOrder("[{\"l\":1},{\"r\":1}]", "[{\"l\":2},{\"r\":2}]");
        assertThat(visit(visits, "Each").at("/steps/result").asText())
                .isEqualTo("[[{\"l\":1},{\"r\":1}],[{\"l\":2},{\"r\":2}]]");
    }

    @Test
    void a_task_still_running_is_a_running_visit_and_a_fail_state_a_failed_one() throws Exception {
        String held = server.registerStateMachine("Held", "{\"StartAt\":\"Hold\",\"States\":{\"Hold\":{\"Type\":\"Task\","
                + "\"Resource\":\"" + ControllableTasks.HOLD + "\",\"Next\":\"Stop\"},"
                + "\"Stop\":{\"Type\":\"Fail\",\"Error\":\"Stopped\",\"Cause\":\"on purpose\"}}}", "STANDARD", tasks);
        String execution = start(held, "held", "{}");
        CompletableFuture<JsonNode> call = tasks.nextHeld();

        JsonNode running = json(get("/debug/visits?executionArn=" + encode(execution))).get("visits");
        call.complete(Json.MAPPER.readTree("{}"));
        server.finished(execution).get(10, TimeUnit.SECONDS);
        JsonNode failed = json(get("/debug/visits?executionArn=" + encode(execution))).get("visits");

        assertThat(running).hasSize(1);
        assertThat(running.get(0).get("status").asText()).isEqualTo("RUNNING");
        assertThat(running.get(0).has("output")).isFalse();
        assertThat(visit(failed, "Hold").get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(visit(failed, "Stop").get("status").asText()).isEqualTo("FAILED");
        assertThat(visit(failed, "Stop").get("error").asText()).isEqualTo("Stopped");
        assertThat(visit(failed, "Stop").get("cause").asText()).isEqualTo("on purpose");
    }

    @Test
    void a_state_processing_sees_the_variables_assigned_before_it() throws Exception {
        String arn = server.registerStateMachine("Assigning", "{\"StartAt\":\"Remember\",\"States\":{"
                + "\"Remember\":{\"Type\":\"Pass\",\"Assign\":{\"greeting\":\"hello\",\"count\":2},\"Next\":\"Use\"},"
                + "\"Use\":{\"Type\":\"Pass\",\"Parameters\":{\"said.$\":\"$greeting\",\"times.$\":\"$count\"},\"End\":true}}}",
                "STANDARD", tasks);
        String execution = start(arn, "assigning", "{}");
        server.finished(execution).get(10, TimeUnit.SECONDS);

        JsonNode use = visit(json(get("/debug/visits?executionArn=" + encode(execution))).get("visits"), "Use");

        assertThat(use.at("/steps/afterParameters").asText()).isEqualTo("{\"said\":\"hello\",\"times\":2}");
        JsonNode remember = visit(json(get("/debug/visits?executionArn=" + encode(execution))).get("visits"), "Remember");
        assertThat(remember.at("/assignedVariables/greeting").asText()).isEqualTo("\"hello\"");
        assertThat(remember.at("/assignedVariables/count").asText()).isEqualTo("2");
        assertThat(use.get("output").asText()).isEqualTo(use.at("/steps/afterResultPath").asText());
    }

    @Test
    void samples_are_the_event_files_by_name() throws Exception {
        JsonNode samples = json(get("/debug/samples")).get("samples");

        assertThat(names(samples)).contains("preset-ended-early.json", "bad-malformed-json.json");
        assertThat(samples).allSatisfy(sample -> assertThat(sample.get("name").asText()).endsWith(".json"));
        assertThat(samples.get(0).get("input").asText()).isNotEmpty();
    }

    @Test
    void what_does_not_exist_or_is_missing_is_named() throws Exception {
        HttpResponse<String> unknown = get("/debug/visits?executionArn="
                + encode("arn:aws:states:us-east-1:123456789012:execution:Nope:x"));
        HttpResponse<String> missing = get("/debug/machine");
        HttpResponse<String> noSuchEndpoint = get("/debug/everything");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get("error").asText()).isEqualTo("ExecutionDoesNotExist");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(json(missing).get("message").asText()).contains("'stateMachineArn'");
        assertThat(noSuchEndpoint.statusCode()).isEqualTo(404);
    }

    private String start(String machineArn, String name, String input) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.endpoint().resolve("/"))
                .header("X-Amz-Target", "AWSStepFunctions.StartExecution")
                .POST(HttpRequest.BodyPublishers.ofString(Json.compact(Json.MAPPER.valueToTree(
                        java.util.Map.of("stateMachineArn", machineArn, "name", name, "input", input)))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).get("executionArn").asText();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.endpoint() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return Json.MAPPER.readTree(response.body());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static List<String> kinds(JsonNode graph, String kind) {
        List<String> found = new ArrayList<>();
        for (JsonNode edge : graph.get("edges")) {
            if (edge.get("kind").asText().equals(kind)) {
                found.add(edge.get("from").asText() + " -> " + edge.get("to").asText() + " [" + edge.get("label").asText() + "]");
            }
        }
        return found;
    }

    private static List<String> names(JsonNode items) {
        List<String> names = new ArrayList<>();
        items.forEach(item -> names.add(item.get("name").asText()));
        return names;
    }

    private static JsonNode visit(JsonNode visits, String name) {
        for (JsonNode visit : visits) {
            if (visit.get("name").asText().equals(name)) {
                return visit;
            }
        }
        throw new AssertionError("No visit of " + name + " in " + visits);
    }
}
