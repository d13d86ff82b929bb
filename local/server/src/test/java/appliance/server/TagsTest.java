package appliance.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sfn.model.Tag;
import software.amazon.awssdk.services.sfn.model.TooManyTagsException;
import software.amazon.awssdk.services.sfn.model.ValidationException;

class TagsTest {

    private final ServerFixture fixture = new ServerFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    @Test
    void tags_are_added_replaced_removed_and_listed() {
        String machine = fixture.sfn.createStateMachine(r -> r.name("Tagged").definition(ServerFixture.pass("1"))
                .roleArn(ServerFixture.ROLE).tags(tag("team", "a"))).stateMachineArn();

        fixture.sfn.tagResource(r -> r.resourceArn(machine).tags(tag("team", "b"), tag("cost-centre", "42")));
        fixture.sfn.untagResource(r -> r.resourceArn(machine).tagKeys("cost-centre", "absent"));

        assertThat(fixture.sfn.listTagsForResource(r -> r.resourceArn(machine)).tags()).containsExactly(tag("team", "b"));
    }

    @Test
    void a_resource_has_at_most_50_tags() {
        String machine = fixture.createMachine("Many", ServerFixture.pass("1"));
        List<Tag> fifty = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            fifty.add(tag("k" + i, "v"));
        }
        fixture.sfn.tagResource(r -> r.resourceArn(machine).tags(fifty));

        assertThatThrownBy(() -> fixture.sfn.tagResource(r -> r.resourceArn(machine).tags(tag("one-more", "v"))))
                .isInstanceOf(TooManyTagsException.class);
        assertThat(fixture.sfn.listTagsForResource(r -> r.resourceArn(machine)).tags()).hasSize(50);
    }

    @Test
    void bad_tags_and_unknown_resources_are_refused() {
        String machine = fixture.createMachine("Strict", ServerFixture.pass("1"));

        assertThatThrownBy(() -> fixture.sfn.tagResource(r -> r.resourceArn(machine).tags(tag("", "v"))))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> fixture.sfn.tagResource(r -> r.resourceArn(machine).tags(tag("k", "x".repeat(257)))))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> fixture.sfn.tagResource(r -> r.resourceArn(machine).tags(tag("bad#key", "v"))))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> fixture.sfn.listTagsForResource(r -> r.resourceArn(machine + "Missing")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> fixture.sfn.listTagsForResource(r -> r.resourceArn("arn:aws:sns:us-east-1:1:t")))
                .isInstanceOf(InvalidArnException.class);
    }

    @Test
    void tags_survive_a_restart_and_go_with_their_machine(@TempDir Path folder) {
        String machine;
        try (ServerFixture first = new ServerFixture(folder)) {
            machine = first.createMachine("Kept", ServerFixture.pass("1"));
            first.sfn.tagResource(r -> r.resourceArn(machine).tags(tag("env", "test")));
        }
        try (ServerFixture second = new ServerFixture(folder)) {
            assertThat(second.sfn.listTagsForResource(r -> r.resourceArn(machine)).tags()).containsExactly(tag("env", "test"));
            second.sfn.deleteStateMachine(r -> r.stateMachineArn(machine));
            second.createMachine("Kept", ServerFixture.pass("1"));
            assertThat(second.sfn.listTagsForResource(r -> r.resourceArn(machine)).tags()).isEmpty();
        }
    }
}
