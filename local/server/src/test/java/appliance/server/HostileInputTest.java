package appliance.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;
import software.amazon.awssdk.services.sfn.model.InvalidExecutionInputException;
import software.amazon.awssdk.services.sfn.model.StartSyncExecutionResponse;
import software.amazon.awssdk.services.sfn.model.SyncExecutionStatus;

/** What an attacker, or a careless client, sends gets AWS's error and nothing more. */
class HostileInputTest {

    @Test
    void a_request_for_another_host_is_refused_on_every_endpoint_with_403() throws Exception {
        try (ServerFixture fixture = new ServerFixture()) {
            int port = fixture.server.port();

            assertThat(raw(port, "POST", "/", "rebound.attacker.example:" + port, "{}")).startsWith("HTTP/1.1 403")
                    .contains("rebound.attacker.example");
            assertThat(raw(port, "GET", "/debug/samples", "rebound.attacker.example", "")).startsWith("HTTP/1.1 403");
            assertThat(raw(port, "GET", "/", "rebound.attacker.example", "")).startsWith("HTTP/1.1 403");
            assertThat(raw(port, "GET", "/", "localhost:" + port, "")).startsWith("HTTP/1.1 200");
            assertThat(raw(port, "GET", "/", "127.0.0.1:" + port, "")).startsWith("HTTP/1.1 200");
            assertThat(raw(port, "GET", "/", "[::1]:" + port, "")).startsWith("HTTP/1.1 200");
        }
    }

    @Test
    void a_host_the_owner_allows_is_answered() throws Exception {
        ServerOptions options = ServerOptions.inMemory(0).withAllowedHosts(List.of("dev.example.internal"));
        try (ServerFixture fixture = new ServerFixture(options)) {
            assertThat(raw(fixture.server.port(), "GET", "/", "dev.example.internal:8083", "")).startsWith("HTTP/1.1 200");
            assertThat(raw(fixture.server.port(), "GET", "/", "other.example", "")).startsWith("HTTP/1.1 403");
        }
    }

    @Test
    void content_after_the_json_value_is_refused() throws Exception {
        try (ServerFixture fixture = new ServerFixture()) {
            String machine = fixture.createMachine("Strict", ServerFixture.pass("1"));

            assertThatThrownBy(() -> fixture.sfn.startExecution(r -> r.stateMachineArn(machine).input("{\"x\":1} trailing")))
                    .isInstanceOf(InvalidExecutionInputException.class).hasMessageContaining("Unrecognized token 'trailing'");
            assertThatThrownBy(() -> fixture.sfn.startExecution(r -> r.stateMachineArn(machine).input("{\"x\":1}{\"y\":2}")))
                    .isInstanceOf(InvalidExecutionInputException.class).hasMessageContaining("Trailing token");
            String body = "{\"stateMachineArn\":\"" + machine + "\"} {\"name\":\"second\"}";
            assertThat(raw(fixture.server.port(), "POST", "/", "127.0.0.1", body, "AWSStepFunctions.StartExecution"))
                    .startsWith("HTTP/1.1 400").contains("SerializationException");
        }
    }

    @Test
    void numbers_beyond_a_double_and_lone_surrogates_are_refused_never_turned_into_text() throws Exception {
        try (ServerFixture fixture = new ServerFixture()) {
            String machine = fixture.createMachine("Numbers", "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}");

            assertThatThrownBy(() -> fixture.sfn.startExecution(r -> r.stateMachineArn(machine).input("{\"x\":1e309}")))
                    .isInstanceOf(InvalidExecutionInputException.class).hasMessageContaining("out of range")
                    .hasMessageNotContaining("Infinity\"");
            assertThatThrownBy(() -> fixture.sfn.startExecution(r -> r.stateMachineArn(machine).input("{\"s\":\"\\ud800\"}")))
                    .isInstanceOf(InvalidExecutionInputException.class).hasMessageContaining("lone high surrogate");
            String big = "{\"x\":1" + "0".repeat(400) + "}";
            String arn = fixture.sfn.startExecution(r -> r.stateMachineArn(machine).input(big)).executionArn();
            fixture.awaitFinished(arn);
            assertThat(fixture.sfn.describeExecution(r -> r.executionArn(arn)).output()).isEqualTo(big);
        }
    }

    @Test
    void deep_nesting_in_definitions_gets_invalid_definition_not_a_stack_overflow() throws Exception {
        try (ServerFixture fixture = new ServerFixture()) {
            String jsonata = "{\"QueryLanguage\":\"JSONata\",\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\","
                    + "\"Output\":\"{% " + "(".repeat(5000) + "1" + ")".repeat(5000) + " %}\",\"End\":true}}}";
            String intrinsic = "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"Parameters\":{\"x.$\":\""
                    + "States.Array(".repeat(5000) + "1" + ")".repeat(5000) + "\"},\"End\":true}}}";
            String deepJson = "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"Result\":"
                    + "[".repeat(5000) + "]".repeat(5000) + ",\"End\":true}}}";

            for (String definition : List.of(jsonata, intrinsic, deepJson)) {
                assertThatThrownBy(() -> fixture.createMachine("Deep", definition))
                        .isInstanceOf(InvalidDefinitionException.class);
            }
            assertThat(fixture.sfn.validateStateMachineDefinition(r -> r.definition(jsonata)).resultAsString())
                    .isEqualTo("FAIL");
            assertThat(fixture.sfn.listStateMachines().stateMachines()).isEmpty();
        }
    }

    @Test
    void an_expression_that_recurses_without_end_fails_the_execution_instead_of_hanging_it() throws Exception {
        try (ServerFixture fixture = new ServerFixture()) {
            String machine = fixture.createMachine("Recursing", "{\"QueryLanguage\":\"JSONata\",\"StartAt\":\"P\","
                    + "\"States\":{\"P\":{\"Type\":\"Pass\",\"Output\":\"{% ($f := function($n){ $n = 0 ? 0 : 1 + $f($n - 1) };"
                    + " $f(1000000)) %}\",\"End\":true}}}");
            String arn = fixture.sfn.startExecution(r -> r.stateMachineArn(machine)).executionArn();

            assertThat(fixture.awaitFinished(arn)).isEqualTo("FAILED");
            assertThat(fixture.sfn.describeExecution(r -> r.executionArn(arn)).error()).startsWith("States.");
        }
    }

    @Test
    void callers_waiting_in_start_sync_execution_do_not_hold_up_other_actions() throws Exception {
        try (ServerFixture fixture = new ServerFixture()) {
            String machine = fixture.sfn.createStateMachine(r -> r.name("Slow").type("EXPRESS")
                    .definition(ServerFixture.task(ControllableTasks.HOLD)).roleArn(ServerFixture.ROLE)).stateMachineArn();
            int waiting = 40; // more than the 32 request threads
            List<CompletableFuture<StartSyncExecutionResponse>> calls = new ArrayList<>();
            for (int i = 0; i < waiting; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> fixture.sfn.startSyncExecution(r -> r.stateMachineArn(machine))));
            }
            List<CompletableFuture<com.fasterxml.jackson.databind.JsonNode>> held = new ArrayList<>();
            for (int i = 0; i < waiting; i++) {
                held.add(fixture.tasks.nextHeld());
            }

            CompletableFuture<Integer> listed = CompletableFuture.supplyAsync(
                    () -> fixture.sfn.listStateMachines().stateMachines().size());
            assertThat(listed.get(30, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(calls).noneMatch(CompletableFuture::isDone);

            held.forEach(call -> call.complete(com.fasterxml.jackson.databind.node.IntNode.valueOf(1)));
            for (CompletableFuture<StartSyncExecutionResponse> call : calls) {
                assertThat(call.get(30, TimeUnit.SECONDS).status()).isEqualTo(SyncExecutionStatus.SUCCEEDED);
            }
        }
    }

    private static String raw(int port, String method, String path, String host, String body) throws Exception {
        return raw(port, method, path, host, body, null);
    }

    /** One HTTP/1.1 request written by hand (the JDK's client does not let a caller set Host). */
    private static String raw(int port, String method, String path, String host, String body, String target)
            throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            String head = method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n"
                    + (target == null ? "" : "X-Amz-Target: " + target + "\r\nContent-Type: application/x-amz-json-1.0\r\n")
                    + "Content-Length: " + bytes.length + "\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
