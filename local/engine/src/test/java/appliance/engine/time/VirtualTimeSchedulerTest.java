package appliance.engine.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VirtualTimeSchedulerTest {

    private final VirtualTimeScheduler scheduler = new VirtualTimeScheduler(Instant.EPOCH);

    @Test
    void tasks_run_in_time_order_and_the_clock_jumps_to_each() {
        List<String> ran = new ArrayList<>();
        scheduler.schedule(Duration.ofSeconds(10), () -> ran.add("10s at " + scheduler.now().getEpochSecond()));
        scheduler.execute(() -> ran.add("now"));
        scheduler.schedule(Duration.ofSeconds(5), () -> ran.add("5s"));
        scheduler.runUntilIdle();
        assertThat(ran).containsExactly("now", "5s", "10s at 10");
    }

    @Test
    void advance_by_runs_only_what_is_due_and_cancel_drops_a_task() {
        List<String> ran = new ArrayList<>();
        scheduler.schedule(Duration.ofSeconds(1), () -> ran.add("a"));
        Scheduler.Cancellable b = scheduler.schedule(Duration.ofSeconds(2), () -> ran.add("b"));
        scheduler.schedule(Duration.ofSeconds(9), () -> ran.add("c"));
        b.cancel();
        scheduler.advanceBy(Duration.ofSeconds(5));
        assertThat(ran).containsExactly("a");
        assertThat(scheduler.now()).isEqualTo(Instant.EPOCH.plusSeconds(5));
        assertThat(scheduler.pending()).isEqualTo(1);
    }

    @Test
    void serial_steps_run_in_the_order_given_and_a_throwing_step_does_not_stop_the_rest() {
        List<Integer> ran = new ArrayList<>();
        SerialExecutor serial = new SerialExecutor(scheduler, e -> ran.add(-1));
        serial.execute(() -> {
            ran.add(1);
            serial.execute(() -> ran.add(3));
        });
        serial.execute(() -> ran.add(2));
        serial.execute(() -> {
            throw new IllegalStateException("bug");
        });
        serial.execute(() -> ran.add(4));
        scheduler.runUntilIdle();
        assertThat(ran).containsExactly(1, 2, -1, 4, 3);
    }
}
