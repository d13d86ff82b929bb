package appliance.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;
import software.amazon.awssdk.services.sfn.model.InvalidNameException;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.ListStateMachinesResponse;
import software.amazon.awssdk.services.sfn.model.MissingRequiredParameterException;
import software.amazon.awssdk.services.sfn.model.StateMachineAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.StateMachineListItem;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionResponse;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionResultCode;
import software.amazon.awssdk.services.sfn.model.ValidationException;

class StateMachineActionsTest {

    private final ServerFixture fixture = new ServerFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void a_created_machine_is_described_with_its_definition_role_and_type() {
        String definition = ServerFixture.pass("{\"a\":1}");
        String arn = fixture.createMachine("Hello", definition);

        DescribeStateMachineResponse described = fixture.sfn.describeStateMachine(r -> r.stateMachineArn(arn));

        assertThat(arn).isEqualTo("arn:aws:states:us-east-1:123456789012:stateMachine:Hello");
        assertThat(described.name()).isEqualTo("Hello");
        assertThat(described.definition()).isEqualTo(definition);
        assertThat(described.roleArn()).isEqualTo(ServerFixture.ROLE);
        assertThat(described.type()).isEqualTo(StateMachineType.STANDARD);
        assertThat(described.statusAsString()).isEqualTo("ACTIVE");
        assertThat(described.creationDate()).isNotNull();
    }

    @Test
    void creating_the_same_machine_again_returns_it_but_another_definition_is_a_conflict() {
        String arn = fixture.createMachine("Twice", ServerFixture.pass("1"));

        assertThat(fixture.createMachine("Twice", ServerFixture.pass("1"))).isEqualTo(arn);
        assertThatThrownBy(() -> fixture.createMachine("Twice", ServerFixture.pass("2")))
                .isInstanceOf(StateMachineAlreadyExistsException.class)
                .hasMessageStartingWith("State Machine Already Exists: '" + arn + "'");
    }

    @Test
    void an_invalid_definition_is_refused_with_every_problem() {
        String definition = "{\"StartAt\":\"Missing\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Next\":\"Nowhere\"}}}";

        assertThatThrownBy(() -> fixture.createMachine("Bad", definition))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("Invalid State Machine Definition: '")
                .hasMessageContaining("MISSING_TRANSITION_TARGET: Missing 'Next' target: Nowhere at /States/A/Next");
    }

    @Test
    void a_definition_that_is_not_json_is_an_invalid_definition() {
        assertThatThrownBy(() -> fixture.createMachine("NotJson", "{nope"))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("INVALID_JSON_DESCRIPTION");
    }

    @Test
    void a_definition_over_a_mebibyte_is_refused() {
        String huge = "{\"Comment\":\"" + "x".repeat(StateMachines.MAX_DEFINITION_LENGTH) + "\"}";

        assertThatThrownBy(() -> fixture.createMachine("Huge", huge))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("at 'definition' failed to satisfy constraint: Member must have length less than or equal to 1048576");
    }

    @Test
    void names_follow_aws_rules() {
        String definition = ServerFixture.pass("1");
        assertThatThrownBy(() -> fixture.createMachine("has space", definition))
                .isInstanceOf(InvalidNameException.class)
                .hasMessageStartingWith("Invalid Name: 'has space'");
        assertThatThrownBy(() -> fixture.createMachine("a".repeat(81), definition))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("Member must have length less than or equal to 80");
        assertThat(fixture.createMachine("a".repeat(80), definition)).endsWith("a".repeat(80));
    }

    @Test
    void unknown_and_malformed_arns_are_told_apart() {
        assertThatThrownBy(() -> fixture.sfn.describeStateMachine(
                r -> r.stateMachineArn("arn:aws:states:us-east-1:123456789012:stateMachine:Nobody")))
                .isInstanceOf(StateMachineDoesNotExistException.class)
                .hasMessageStartingWith("State Machine Does Not Exist: 'arn:aws:states:us-east-1:123456789012:stateMachine:Nobody'");
        assertThatThrownBy(() -> fixture.sfn.describeStateMachine(r -> r.stateMachineArn("not-an-arn")))
                .isInstanceOf(InvalidArnException.class)
                .hasMessageStartingWith("Invalid Arn: 'not-an-arn'");
        assertThatThrownBy(() -> fixture.sfn.createStateMachine(
                r -> r.name("X").definition(ServerFixture.pass("1")).roleArn("role")))
                .isInstanceOf(InvalidArnException.class);
    }

    @Test
    void update_changes_the_definition_and_needs_something_to_change() {
        String arn = fixture.createMachine("Updated", ServerFixture.pass("1"));

        fixture.sfn.updateStateMachine(r -> r.stateMachineArn(arn).definition(ServerFixture.pass("2")));

        assertThat(fixture.sfn.describeStateMachine(r -> r.stateMachineArn(arn)).definition())
                .isEqualTo(ServerFixture.pass("2"));
        assertThatThrownBy(() -> fixture.sfn.updateStateMachine(r -> r.stateMachineArn(arn)))
                .isInstanceOf(MissingRequiredParameterException.class);
        assertThatThrownBy(() -> fixture.sfn.updateStateMachine(r -> r.stateMachineArn(arn).definition("{}")))
                .isInstanceOf(InvalidDefinitionException.class);
    }

    @Test
    void a_deleted_machine_no_longer_exists() {
        String arn = fixture.createMachine("Gone", ServerFixture.pass("1"));

        fixture.sfn.deleteStateMachine(r -> r.stateMachineArn(arn));

        assertThatThrownBy(() -> fixture.sfn.describeStateMachine(r -> r.stateMachineArn(arn)))
                .isInstanceOf(StateMachineDoesNotExistException.class);
        assertThat(fixture.sfn.listStateMachines(r -> { }).stateMachines()).isEmpty();
    }

    @Test
    void list_pages_through_every_machine_once() {
        for (int i = 0; i < 7; i++) {
            fixture.createMachine("M" + i, ServerFixture.pass(Integer.toString(i)));
        }
        List<String> names = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String current = token;
            ListStateMachinesResponse page = fixture.sfn.listStateMachines(r -> r.maxResults(3).nextToken(current));
            page.stateMachines().stream().map(StateMachineListItem::name).forEach(names::add);
            token = page.nextToken();
            pages++;
        } while (token != null);

        assertThat(pages).isEqualTo(3);
        assertThat(names).containsExactlyInAnyOrder("M0", "M1", "M2", "M3", "M4", "M5", "M6");
    }

    @Test
    void a_made_up_token_and_a_huge_page_are_refused() {
        assertThatThrownBy(() -> fixture.sfn.listStateMachines(r -> r.nextToken("made-up")))
                .isInstanceOf(InvalidTokenException.class)
                .hasMessageStartingWith("Invalid Token: 'made-up'");
        assertThatThrownBy(() -> fixture.sfn.listStateMachines(r -> r.maxResults(1001)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("Member must have value less than or equal to 1000");
    }

    @Test
    void validate_reports_each_problem_as_a_diagnostic() {
        ValidateStateMachineDefinitionResponse ok = fixture.sfn.validateStateMachineDefinition(
                r -> r.definition(ServerFixture.pass("1")));
        ValidateStateMachineDefinitionResponse bad = fixture.sfn.validateStateMachineDefinition(
                r -> r.definition("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Next\":\"B\"}}}"));

        assertThat(ok.result()).isEqualTo(ValidateStateMachineDefinitionResultCode.OK);
        assertThat(ok.diagnostics()).isEmpty();
        assertThat(bad.result()).isEqualTo(ValidateStateMachineDefinitionResultCode.FAIL);
        assertThat(bad.diagnostics()).anySatisfy(d -> {
            assertThat(d.code()).isEqualTo("MISSING_TRANSITION_TARGET");
            assertThat(d.location()).isEqualTo("/States/A/Next");
        });
    }

    private HttpResponse<String> post(String target, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder()
                .uri(URI.create(fixture.server.endpoint() + "/"))
                .header("X-Amz-Target", target)
                .header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void an_unknown_action_is_an_unknown_operation() throws Exception {
        HttpResponse<String> response = post("AWSStepFunctions.DoSomethingElse", "{}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("X-Amzn-ErrorType")).hasValue("UnknownOperationException");
        assertThat(response.body()).contains("\"__type\":\"com.amazonaws.swf.service.v2.model#UnknownOperationException\"");
    }

    @Test
    void a_body_that_is_not_a_json_object_or_far_too_large_is_refused() throws Exception {
        HttpResponse<String> notJson = post("AWSStepFunctions.ListStateMachines", "[1]");
        HttpResponse<String> huge = post("AWSStepFunctions.ListStateMachines",
                "{\"x\":\"" + "a".repeat(AwsJsonHandler.MAX_BODY_BYTES) + "\"}");

        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.body()).contains("SerializationException");
        assertThat(huge.statusCode()).isEqualTo(400);
        assertThat(huge.body()).contains("ValidationException");
    }
}
