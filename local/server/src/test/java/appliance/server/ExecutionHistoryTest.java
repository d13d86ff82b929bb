package appliance.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;

class ExecutionHistoryTest {

    private static final String THREE_PASSES = "{\"StartAt\":\"A\",\"States\":{"
            + "\"A\":{\"Type\":\"Pass\",\"Next\":\"B\"},"
            + "\"B\":{\"Type\":\"Pass\",\"Result\":{\"b\":true},\"ResultPath\":\"$.b\",\"Next\":\"C\"},"
            + "\"C\":{\"Type\":\"Pass\",\"End\":true}}}";

    private final ServerFixture fixture = new ServerFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    private String finishedExecution() throws Exception {
        String machine = fixture.createMachine("Passes", THREE_PASSES);
        String arn = fixture.sfn.startExecution(r -> r.stateMachineArn(machine).input("{\"in\":1}")).executionArn();
        fixture.awaitFinished(arn);
        return arn;
    }

    @Test
    void the_history_has_aws_event_types_ids_and_details() throws Exception {
        String arn = finishedExecution();

        List<HistoryEvent> events = fixture.sfn.getExecutionHistory(r -> r.executionArn(arn)).events();

        assertThat(events).extracting(HistoryEvent::typeAsString).containsExactly("ExecutionStarted",
                "PassStateEntered", "PassStateExited", "PassStateEntered", "PassStateExited", "PassStateEntered",
                "PassStateExited", "ExecutionSucceeded");
        assertThat(events).extracting(HistoryEvent::id).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(events.get(0).executionStartedEventDetails().input()).isEqualTo("{\"in\":1}");
        assertThat(events.get(4).stateExitedEventDetails().name()).isEqualTo("B");
        assertThat(events.get(4).stateExitedEventDetails().output()).isEqualTo("{\"in\":1,\"b\":{\"b\":true}}");
        assertThat(events.get(7).executionSucceededEventDetails().output()).isEqualTo("{\"in\":1,\"b\":{\"b\":true}}");
        assertThat(events.get(0).timestamp()).isBeforeOrEqualTo(events.get(7).timestamp());
    }

    @Test
    void reverse_order_pages_from_the_last_event() throws Exception {
        String arn = finishedExecution();

        List<Long> ids = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String current = token;
            GetExecutionHistoryResponse page = fixture.sfn.getExecutionHistory(
                    r -> r.executionArn(arn).reverseOrder(true).maxResults(3).nextToken(current));
            page.events().forEach(e -> ids.add(e.id()));
            token = page.nextToken();
            pages++;
        } while (token != null);

        assertThat(pages).isEqualTo(3);
        assertThat(ids).containsExactly(8L, 7L, 6L, 5L, 4L, 3L, 2L, 1L);
    }

    @Test
    void without_execution_data_the_events_carry_no_input_or_output() throws Exception {
        String arn = finishedExecution();

        List<HistoryEvent> events = fixture.sfn.getExecutionHistory(
                r -> r.executionArn(arn).includeExecutionData(false)).events();

        assertThat(events.get(0).executionStartedEventDetails().input()).isNull();
        assertThat(events.get(1).stateEnteredEventDetails().name()).isEqualTo("A");
        assertThat(events.get(1).stateEnteredEventDetails().input()).isNull();
        assertThat(events.get(7).executionSucceededEventDetails().output()).isNull();
    }

    @Test
    void a_token_of_one_order_is_refused_for_the_other() throws Exception {
        String arn = finishedExecution();
        String forward = fixture.sfn.getExecutionHistory(r -> r.executionArn(arn).maxResults(2)).nextToken();

        assertThat(forward).isNotNull();
        assertThatThrownBy(() -> fixture.sfn.getExecutionHistory(
                r -> r.executionArn(arn).reverseOrder(true).nextToken(forward)))
                .isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void a_running_execution_shows_its_history_so_far() throws Exception {
        String machine = fixture.createMachine("Holding", ServerFixture.task(ControllableTasks.HOLD));
        String arn = fixture.sfn.startExecution(r -> r.stateMachineArn(machine)).executionArn();
        fixture.tasks.nextHeld();

        List<HistoryEvent> events = fixture.sfn.getExecutionHistory(r -> r.executionArn(arn)).events();

        assertThat(events).extracting(HistoryEvent::typeAsString)
                .containsExactly("ExecutionStarted", "TaskStateEntered", "LambdaFunctionScheduled", "LambdaFunctionStarted");
    }
}
