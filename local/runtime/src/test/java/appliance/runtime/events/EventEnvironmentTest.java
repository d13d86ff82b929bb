package appliance.runtime.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventEnvironmentTest {

    @Test
    void local_ids_are_distinct_version_4_uuids() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String id = EventEnvironment.randomId();
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            ids.add(id);
        }
        assertThat(ids).hasSize(1000);
    }

    @Test
    void the_local_environment_is_step_functions_locals_account_and_region() {
        EventEnvironment local = EventEnvironment.local();
        assertThat(local.accountId()).isEqualTo("123456789012");
        assertThat(local.region()).isEqualTo("us-east-1");
    }
}
