package appliance.server;

import appliance.engine.definition.Json;
import appliance.engine.graph.StateGraphs;
import appliance.engine.task.mock.MockConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the web debugger needs beyond the Step Functions API, as JSON under {@code /debug/}:
 * <ul>
 * <li>{@code GET /debug/machine?stateMachineArn=A}: the machine's definition, its graph (states, transitions, Parallel
 * and Map branches nested) and the MockConfigFile's test cases for it;</li>
 * <li>{@code GET /debug/visits?executionArn=A}: the execution (DescribeExecution's shape) and each state
 * visit with its status, events and input/output processing steps ({@link StateVisits});</li>
 * <li>{@code GET /debug/samples}: the sample events offered as inputs, by file name.</li>
 * </ul>
 * Failures answer 400 (404 for what does not exist) with {@code {"error": code, "message": text}}.
 */
final class DebugEndpoints implements HttpHandler {

    /** AWS's largest GetExecutionHistory page. */
    private static final int HISTORY_PAGE = 1000;

    private final StateMachines machines;
    private final Executions executions;
    private final MockConfig mockConfig;
    private final Path samples;

    /** The server's Map Runs: a Map Run's children and the machine they run (null: none). */
    private final MapRuns mapRuns;

    DebugEndpoints(StateMachines machines, Executions executions, MockConfig mockConfig, Path samples) {
        this(machines, executions, mockConfig, samples, null);
    }

    DebugEndpoints(StateMachines machines, Executions executions, MockConfig mockConfig, Path samples, MapRuns mapRuns) {
        this.machines = machines;
        this.executions = executions;
        this.mockConfig = mockConfig;
        this.samples = samples;
        this.mapRuns = mapRuns;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            int status = 200;
            JsonNode answer;
            try {
                answer = answer(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        query(exchange.getRequestURI().getRawQuery()));
            } catch (ApiException e) {
                status = e.code().endsWith("DoesNotExist") || "NotFound".equals(e.code()) ? 404 : 400;
                answer = error(e.code(), e.getMessage());
            } catch (RuntimeException e) {
                status = 500;
                answer = error("InternalFailure", e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            byte[] body = Json.compact(answer).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private JsonNode answer(String method, String path, Map<String, String> query) {
        if (!"GET".equals(method)) {
            throw new ApiException("NotFound", "The /debug/ endpoints answer GET only");
        }
        return switch (path) {
            case "/debug/machine" -> machine(required(query, "stateMachineArn"));
            case "/debug/visits" -> visits(required(query, "executionArn"));
            case "/debug/samples" -> samples();
            case "/debug/maprun" -> mapRun(required(query, "mapRunArn"));
            default -> throw new ApiException("NotFound", "No such endpoint: " + path);
        };
    }

    ObjectNode machine(String arn) {
        String childDefinition = mapRunChildDefinition(arn);
        if (childDefinition != null) {
            return childMachine(arn, childDefinition);
        }
        StateMachineRecord machine = machines.require(arn);
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("stateMachineArn", machine.arn());
        json.put("name", machine.name());
        json.put("type", machine.type());
        json.put("definition", machine.definitionText());
        JsonNode definition = JsonText.parse(machine.definitionText(), "InvalidDefinition", "");
        json.set("graph", Json.MAPPER.valueToTree(StateGraphs.of(definition)));
        ArrayNode testCases = json.putArray("testCases");
        if (mockConfig != null && mockConfig.testCases().containsKey(machine.name())) {
            mockConfig.testCases().get(machine.name()).keySet().forEach(testCases::add);
        }
        return json;
    }

    ObjectNode visits(String executionArn) {
        ObjectNode execution = executions.describe(request(Map.of("executionArn", executionArn)));
        String machineArn = execution.path("stateMachineArn").asText();
        String childDefinition = mapRunChildDefinition(machineArn);
        if (childDefinition != null) {
            return visits(executionArn, execution, StateMachines.compile(childDefinition), machineArn,
                    machineArn.substring(machineArn.indexOf(":stateMachine:") + ":stateMachine:".length()));
        }
        StateMachineRecord machine = machines.require(machineArn);
        return visits(executionArn, execution, machine.definition(), machine.arn(), machine.name());
    }

    /** A Map Run child's "machine": the ARN its executions carry (MACHINE/LABEL), its processor's definition. */
    private String mapRunChildDefinition(String machineArn) {
        return mapRuns == null || !machineArn.contains("/") ? null : mapRuns.childDefinition(machineArn);
    }

    private ObjectNode childMachine(String arn, String definitionText) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("stateMachineArn", arn);
        json.put("name", arn.substring(arn.indexOf(":stateMachine:") + ":stateMachine:".length()));
        json.put("type", "STANDARD");
        json.put("definition", definitionText);
        json.set("graph", Json.MAPPER.valueToTree(StateGraphs.of(JsonText.parse(definitionText, "InvalidDefinition", ""))));
        json.putArray("testCases");
        json.put("mapRunChild", true);
        return json;
    }

    ObjectNode mapRun(String mapRunArn) {
        if (mapRuns == null) {
            throw new ApiException("NotFound", "No Map Runs in this server");
        }
        return mapRuns.debugView(mapRunArn);
    }

    private ObjectNode visits(String executionArn, ObjectNode execution,
            appliance.engine.definition.StateMachineDefinition definition, String machineArn, String machineName) {
        List<ObjectNode> events = new ArrayList<>();
        String token = null;
        do {
            Map<String, Object> body = new HashMap<>(Map.of("executionArn", executionArn, "maxResults", HISTORY_PAGE));
            if (token != null) {
                body.put("nextToken", token);
            }
            ObjectNode page = executions.history(request(body));
            page.path("events").forEach(event -> events.add((ObjectNode) event));
            token = page.path("nextToken").asText(null);
        } while (token != null);
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.set("execution", execution);
        json.set("visits", StateVisits.of(events, definition, execution, machineArn, machineName));
        return json;
    }

    ObjectNode samples() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        ArrayNode list = json.putArray("samples");
        if (samples == null || !Files.isDirectory(samples)) {
            return json;
        }
        try (Stream<Path> files = Files.list(samples)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                ObjectNode sample = list.addObject();
                sample.put("name", file.getFileName().toString());
                sample.put("input", Files.readString(file, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new ApiException("InternalFailure", "Cannot read the sample events in " + samples + ": " + e.getMessage());
        }
        return json;
    }

    private static Request request(Map<String, Object> fields) {
        return new Request(Json.MAPPER.valueToTree(fields));
    }

    private static String required(Map<String, String> query, String name) {
        String value = query.get(name);
        if (value == null || value.isEmpty()) {
            throw ApiException.validation("The query parameter '" + name + "' is required");
        }
        return value;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw == null) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            values.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return values;
    }

    private static ObjectNode error(String code, String message) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("error", code);
        json.put("message", message);
        return json;
    }
}
