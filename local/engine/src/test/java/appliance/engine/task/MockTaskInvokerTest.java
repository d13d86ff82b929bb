package appliance.engine.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import appliance.engine.error.StatesFailure;
import appliance.engine.task.mock.MockConfig;
import appliance.engine.task.mock.MockTaskInvoker;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class MockTaskInvokerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MockConfig config;

    MockTaskInvokerTest() throws Exception {
        config = MockConfig.parse(JSON.readTree("""
                {"StateMachines":{"Cook":{"TestCases":{"Retried":{"Classify":"FailTwiceThenOk"},"Empty":{}}}},
                 "MockedResponses":{"FailTwiceThenOk":{
                   "0-1":{"Throw":{"Error":"Lambda.ServiceException","Cause":"busy"}},
                   "2":{"Return":{"StatusCode":200,"Payload":{"kind":"COOK"}}}}}}"""));
    }

    private static TaskRequest call(String state) {
        return new TaskRequest("arn:aws:states:::lambda:invoke", JSON.createObjectNode(), state, null, "exec-1", 0);
    }

    private static Throwable failureOf(java.util.concurrent.CompletionStage<JsonNode> answer) {
        try {
            answer.toCompletableFuture().join();
            return null;
        } catch (CompletionException e) {
            return e.getCause();
        }
    }

    @Test
    void invocations_take_the_answer_whose_range_holds_their_number() throws Exception {
        MockTaskInvoker mock = new MockTaskInvoker(config, "Cook", "Retried");
        assertThat(failureOf(mock.invoke(call("Classify")))).isInstanceOfSatisfying(StatesFailure.class, f -> {
            assertThat(f.error()).isEqualTo("Lambda.ServiceException");
            assertThat(f.cause()).isEqualTo("busy");
        });
        assertThat(failureOf(mock.invoke(call("Classify")))).isInstanceOf(StatesFailure.class);
        assertThat(mock.invoke(call("Classify")).toCompletableFuture().join())
                .isEqualTo(JSON.readTree("{\"StatusCode\":200,\"Payload\":{\"kind\":\"COOK\"}}"));
    }

    @Test
    void a_state_without_a_mock_fails_naming_it_and_the_test_case() {
        MockTaskInvoker mock = new MockTaskInvoker(config, "Cook", "Empty");
        assertThat(failureOf(mock.invoke(call("Classify")))).hasMessageContaining("'Classify'").hasMessageContaining("'Empty'");
    }

    @Test
    void an_unknown_test_case_is_refused_up_front() {
        assertThatThrownBy(() -> new MockTaskInvoker(config, "Cook", "Nope")).hasMessageContaining("'Nope'");
    }

    @Test
    void a_range_that_is_not_a_number_is_refused() {
        assertThatThrownBy(() -> MockConfig.parse(JSON.readTree(
                "{\"StateMachines\":{},\"MockedResponses\":{\"R\":{\"first\":{\"Return\":1}}}}")))
                .hasMessageContaining("'first'");
    }
}
