package appliance.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.model.ConflictException;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineAliasResponse;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sfn.model.RoutingConfigurationListItem;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.StateMachineVersionListItem;
import software.amazon.awssdk.services.sfn.model.ValidationException;

class VersionsAndAliasesTest {

    private final ServerFixture fixture = new ServerFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    private String publish(String machine, String description) {
        return fixture.sfn.publishStateMachineVersion(r -> r.stateMachineArn(machine).description(description))
                .stateMachineVersionArn();
    }

    private static RoutingConfigurationListItem route(String version, int weight) {
        return RoutingConfigurationListItem.builder().stateMachineVersionArn(version).weight(weight).build();
    }

    @Test
    void a_published_version_is_numbered_described_and_listed_newest_first() {
        String machine = fixture.createMachine("Versioned", ServerFixture.pass("1"));
        String first = publish(machine, "first");
        fixture.sfn.updateStateMachine(r -> r.stateMachineArn(machine).definition(ServerFixture.pass("2")));
        String second = publish(machine, "second");

        DescribeStateMachineResponse described = fixture.sfn.describeStateMachine(r -> r.stateMachineArn(first));
        List<String> listed = fixture.sfn.listStateMachineVersions(r -> r.stateMachineArn(machine))
                .stateMachineVersions().stream().map(StateMachineVersionListItem::stateMachineVersionArn).toList();

        assertThat(first).isEqualTo(machine + ":1");
        assertThat(second).isEqualTo(machine + ":2");
        assertThat(described.stateMachineArn()).isEqualTo(first);
        assertThat(described.definition()).isEqualTo(ServerFixture.pass("1"));
        assertThat(described.description()).isEqualTo("first");
        assertThat(described.revisionId()).isNotBlank();
        assertThat(listed).containsExactly(second, first);
    }

    @Test
    void publishing_an_unchanged_revision_returns_its_version_and_a_stale_revision_id_is_a_conflict() {
        String machine = fixture.createMachine("Idempotent", ServerFixture.pass("1"));
        String revision = fixture.sfn.describeStateMachine(r -> r.stateMachineArn(machine)).revisionId();
        String first = fixture.sfn.publishStateMachineVersion(r -> r.stateMachineArn(machine).revisionId(revision))
                .stateMachineVersionArn();

        assertThat(publish(machine, null)).isEqualTo(first);
        String updated = fixture.sfn.updateStateMachine(r -> r.stateMachineArn(machine)
                .definition(ServerFixture.pass("2"))).revisionId();
        assertThat(updated).isNotEqualTo(revision);
        assertThatThrownBy(() -> fixture.sfn.publishStateMachineVersion(r -> r.stateMachineArn(machine).revisionId(revision)))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void update_with_publish_answers_the_new_version_and_numbers_are_not_reused_after_a_delete() {
        String machine = fixture.createMachine("Publishing", ServerFixture.pass("1"));
        String first = fixture.sfn.updateStateMachine(r -> r.stateMachineArn(machine).definition(ServerFixture.pass("2"))
                .publish(true).versionDescription("v1")).stateMachineVersionArn();
        fixture.sfn.deleteStateMachineVersion(r -> r.stateMachineVersionArn(first));
        String second = fixture.sfn.updateStateMachine(r -> r.stateMachineArn(machine).definition(ServerFixture.pass("3"))
                .publish(true)).stateMachineVersionArn();

        assertThat(first).isEqualTo(machine + ":1");
        assertThat(second).isEqualTo(machine + ":2");
        assertThatThrownBy(() -> fixture.sfn.describeStateMachine(r -> r.stateMachineArn(first)))
                .isInstanceOf(StateMachineDoesNotExistException.class);
        assertThatThrownBy(() -> fixture.sfn.updateStateMachine(r -> r.stateMachineArn(machine).roleArn(ServerFixture.ROLE)
                .versionDescription("no publish")))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void an_execution_started_by_a_version_runs_that_version_and_says_so() throws Exception {
        String machine = fixture.createMachine("Pinned", ServerFixture.pass("\"old\""));
        String version = publish(machine, null);
        fixture.sfn.updateStateMachine(r -> r.stateMachineArn(machine).definition(ServerFixture.pass("\"new\"")));

        String byVersion = fixture.sfn.startExecution(r -> r.stateMachineArn(version)).executionArn();
        String byMachine = fixture.sfn.startExecution(r -> r.stateMachineArn(machine)).executionArn();
        fixture.awaitFinished(byVersion);
        fixture.awaitFinished(byMachine);
        DescribeExecutionResponse described = fixture.sfn.describeExecution(r -> r.executionArn(byVersion));

        assertThat(byVersion).startsWith("arn:aws:states:us-east-1:123456789012:execution:Pinned:");
        assertThat(described.output()).isEqualTo("\"old\"");
        assertThat(described.stateMachineArn()).isEqualTo(machine);
        assertThat(described.stateMachineVersionArn()).isEqualTo(version);
        assertThat(fixture.sfn.describeExecution(r -> r.executionArn(byMachine)).output()).isEqualTo("\"new\"");
        assertThat(fixture.sfn.describeStateMachineForExecution(r -> r.executionArn(byVersion)).definition())
                .isEqualTo(ServerFixture.pass("\"old\""));
        assertThat(fixture.sfn.listExecutions(r -> r.stateMachineArn(version)).executions())
                .extracting(ExecutionListItem::executionArn).containsExactly(byVersion);
        assertThat(fixture.sfn.listExecutions(r -> r.stateMachineArn(machine)).executions()).hasSize(2);
    }

    @Test
    void an_alias_routes_to_its_version_and_executions_record_the_alias() throws Exception {
        String machine = fixture.createMachine("Aliased", ServerFixture.pass("\"v1\""));
        String v1 = publish(machine, null);
        String alias = fixture.sfn.createStateMachineAlias(r -> r.name("live").description("production")
                .routingConfiguration(route(v1, 100))).stateMachineAliasArn();
        fixture.sfn.updateStateMachine(r -> r.stateMachineArn(machine).definition(ServerFixture.pass("\"v2\"")));
        String v2 = publish(machine, null);

        String first = fixture.sfn.startExecution(r -> r.stateMachineArn(alias)).executionArn();
        fixture.awaitFinished(first);
        fixture.sfn.updateStateMachineAlias(r -> r.stateMachineAliasArn(alias).routingConfiguration(route(v2, 100)));
        String second = fixture.sfn.startExecution(r -> r.stateMachineArn(alias)).executionArn();
        fixture.awaitFinished(second);
        DescribeStateMachineAliasResponse described = fixture.sfn.describeStateMachineAlias(r -> r.stateMachineAliasArn(alias));
        DescribeExecutionResponse execution = fixture.sfn.describeExecution(r -> r.executionArn(first));

        assertThat(alias).isEqualTo(machine + ":live");
        assertThat(execution.output()).isEqualTo("\"v1\"");
        assertThat(execution.stateMachineAliasArn()).isEqualTo(alias);
        assertThat(execution.stateMachineVersionArn()).isEqualTo(v1);
        assertThat(fixture.sfn.describeExecution(r -> r.executionArn(second)).output()).isEqualTo("\"v2\"");
        assertThat(described.name()).isEqualTo("live");
        assertThat(described.description()).isEqualTo("production");
        assertThat(described.routingConfiguration()).containsExactly(route(v2, 100));
        assertThat(fixture.sfn.listStateMachineAliases(r -> r.stateMachineArn(machine)).stateMachineAliases())
                .extracting(item -> item.stateMachineAliasArn()).containsExactly(alias);
        assertThat(fixture.sfn.listExecutions(r -> r.stateMachineArn(alias)).executions()).hasSize(2);
    }

    @Test
    void an_alias_splits_between_two_versions_by_weight() throws Exception {
        String machine = fixture.createMachine("Split", ServerFixture.pass("\"a\""));
        String a = publish(machine, null);
        fixture.sfn.updateStateMachine(r -> r.stateMachineArn(machine).definition(ServerFixture.pass("\"b\"")));
        String b = publish(machine, null);
        String alias = fixture.sfn.createStateMachineAlias(r -> r.name("canary")
                .routingConfiguration(route(a, 50), route(b, 50))).stateMachineAliasArn();

        java.util.Set<String> ran = new java.util.HashSet<>();
        for (int i = 0; i < 40 && ran.size() < 2; i++) {
            String arn = fixture.sfn.startExecution(r -> r.stateMachineArn(alias)).executionArn();
            fixture.awaitFinished(arn);
            ran.add(fixture.sfn.describeExecution(r -> r.executionArn(arn)).stateMachineVersionArn());
        }

        assertThat(ran).as("both versions ran in 40 executions at 50/50 (chance of failing: 2 in 10^12)")
                .containsExactlyInAnyOrder(a, b);
    }

    @Test
    void alias_routing_is_checked_as_aws_checks_it() {
        String machine = fixture.createMachine("Checked", ServerFixture.pass("1"));
        String v1 = publish(machine, null);
        String other = fixture.createMachine("Other", ServerFixture.pass("1"));
        String otherVersion = publish(other, null);

        assertThatThrownBy(() -> fixture.sfn.createStateMachineAlias(r -> r.name("half").routingConfiguration(route(v1, 50))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("equal to 100");
        assertThatThrownBy(() -> fixture.sfn.createStateMachineAlias(r -> r.name("mixed")
                .routingConfiguration(route(v1, 50), route(otherVersion, 50))))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> fixture.sfn.createStateMachineAlias(r -> r.name("123").routingConfiguration(route(v1, 100))))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> fixture.sfn.createStateMachineAlias(r -> r.name("missing")
                .routingConfiguration(route(machine + ":9", 100))))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> fixture.sfn.describeStateMachineAlias(r -> r.stateMachineAliasArn(machine + ":nope")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> fixture.sfn.describeStateMachineAlias(r -> r.stateMachineAliasArn("arn:nope")))
                .isInstanceOf(InvalidArnException.class);
    }

    @Test
    void a_version_an_alias_routes_to_cannot_be_deleted_until_the_alias_is() {
        String machine = fixture.createMachine("Referenced", ServerFixture.pass("1"));
        String v1 = publish(machine, null);
        String alias = fixture.sfn.createStateMachineAlias(r -> r.name("prod").routingConfiguration(route(v1, 100)))
                .stateMachineAliasArn();

        assertThatThrownBy(() -> fixture.sfn.deleteStateMachineVersion(r -> r.stateMachineVersionArn(v1)))
                .isInstanceOf(ConflictException.class).hasMessageContaining(alias);
        fixture.sfn.deleteStateMachineAlias(r -> r.stateMachineAliasArn(alias));
        fixture.sfn.deleteStateMachineVersion(r -> r.stateMachineVersionArn(v1));

        assertThat(fixture.sfn.listStateMachineVersions(r -> r.stateMachineArn(machine)).stateMachineVersions()).isEmpty();
        assertThatThrownBy(() -> fixture.sfn.startExecution(r -> r.stateMachineArn(v1)))
                .isInstanceOf(StateMachineDoesNotExistException.class);
    }

    @Test
    void deleting_a_machine_deletes_its_versions_and_aliases() {
        String machine = fixture.createMachine("Gone", ServerFixture.pass("1"));
        String v1 = publish(machine, null);
        fixture.sfn.createStateMachineAlias(r -> r.name("prod").routingConfiguration(route(v1, 100)));

        assertThatThrownBy(() -> fixture.sfn.deleteStateMachine(r -> r.stateMachineArn(v1)))
                .isInstanceOf(ValidationException.class);
        fixture.sfn.deleteStateMachine(r -> r.stateMachineArn(machine));
        String again = fixture.createMachine("Gone", ServerFixture.pass("2"));

        assertThat(fixture.sfn.listStateMachineVersions(r -> r.stateMachineArn(again)).stateMachineVersions()).isEmpty();
        assertThat(fixture.sfn.listStateMachineAliases(r -> r.stateMachineArn(again)).stateMachineAliases()).isEmpty();
        assertThat(publish(again, null)).isEqualTo(machine + ":1");
    }

    @Test
    void versions_aliases_and_what_executions_ran_survive_a_restart(@TempDir Path folder) throws Exception {
        String version;
        String alias;
        String execution;
        try (ServerFixture first = new ServerFixture(folder)) {
            String machine = first.createMachine("Kept", ServerFixture.pass("\"kept\""));
            version = first.sfn.publishStateMachineVersion(r -> r.stateMachineArn(machine).description("d"))
                    .stateMachineVersionArn();
            alias = first.sfn.createStateMachineAlias(r -> r.name("prod").routingConfiguration(route(version, 100)))
                    .stateMachineAliasArn();
            execution = first.sfn.startExecution(r -> r.stateMachineArn(alias)).executionArn();
            first.awaitFinished(execution);
        }
        try (ServerFixture second = new ServerFixture(folder)) {
            assertThat(second.sfn.describeStateMachine(r -> r.stateMachineArn(version)).description()).isEqualTo("d");
            assertThat(second.sfn.describeStateMachineAlias(r -> r.stateMachineAliasArn(alias)).routingConfiguration())
                    .containsExactly(route(version, 100));
            DescribeExecutionResponse described = second.sfn.describeExecution(r -> r.executionArn(execution));
            assertThat(described.stateMachineAliasArn()).isEqualTo(alias);
            assertThat(described.stateMachineVersionArn()).isEqualTo(version);
        }
    }

    @Test
    void a_synchronous_express_execution_runs_by_alias_too() {
        String machine = fixture.sfn.createStateMachine(r -> r.name("Quick").definition(ServerFixture.pass("\"v1\""))
                .roleArn(ServerFixture.ROLE).type("EXPRESS").publish(true)).stateMachineArn();
        String alias = fixture.sfn.createStateMachineAlias(r -> r.name("now").routingConfiguration(route(machine + ":1", 100)))
                .stateMachineAliasArn();

        var answered = fixture.sfn.startSyncExecution(r -> r.stateMachineArn(alias));

        assertThat(answered.statusAsString()).isEqualTo("SUCCEEDED");
        assertThat(answered.output()).isEqualTo("\"v1\"");
        assertThat(answered.executionArn()).startsWith("arn:aws:states:us-east-1:123456789012:express:Quick:");
    }
}
