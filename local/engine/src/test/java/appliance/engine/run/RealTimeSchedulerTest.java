package appliance.engine.run;

import static appliance.engine.run.Harness.json;
import static org.assertj.core.api.Assertions.assertThat;

import appliance.engine.definition.StateMachineDefinition;
import appliance.engine.time.RealTimeScheduler;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The same interpreter on a real thread pool: steps of many executions interleave safely. */
class RealTimeSchedulerTest {

    @Test
    void many_executions_on_a_small_pool_all_end_with_their_own_output() throws Exception {
        StateMachineDefinition definition = StateMachineDefinition.compile(json("""
                {"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[
                  {"StartAt":"A","States":{"A":{"Type":"Pass","Parameters":{"i.$":"$.i"},"Next":"W"},
                                           "W":{"Type":"Wait","Seconds":0,"End":true}}},
                  {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::sns:publish","End":true}}}]}}}"""));
        try (RealTimeScheduler scheduler = new RealTimeScheduler(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), 2)) {
            Engine engine = new Engine(scheduler, request -> CompletableFuture.supplyAsync(request::parameters),
                    new SplittableRandom(1));
            List<Execution> executions = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                executions.add(engine.start(definition, json("{\"i\":" + i + "}"), ExecutionIdentity.local("M", "e" + i), null));
            }
            for (int i = 0; i < executions.size(); i++) {
                ExecutionResult result = executions.get(i).result().toCompletableFuture().get(30, TimeUnit.SECONDS);
                assertThat(result.output()).isEqualTo(json("[{\"i\":" + i + "},{\"i\":" + i + "}]"));
            }
        }
    }
}
