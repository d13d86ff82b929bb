package appliance.engine.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FastForwardSchedulerTest {

    /** A clock a test moves by hand: it stands for the time tasks really take. */
    private static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-11-28T08:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ManualClock clock = new ManualClock();
    private final FastForwardScheduler scheduler = new FastForwardScheduler(clock);

    @Test
    void a_timer_with_nothing_else_to_do_runs_at_once_and_the_time_jumps_to_it() {
        List<Instant> ranAt = new ArrayList<>();
        scheduler.schedule(Duration.ofHours(1), () -> ranAt.add(scheduler.now()));

        scheduler.runUntilIdle();

        assertThat(ranAt).containsExactly(Instant.parse("2026-11-28T09:00:00Z"));
        assertThat(scheduler.skipped()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void time_a_task_really_takes_shows_in_the_time_that_follows() {
        List<Instant> ranAt = new ArrayList<>();
        scheduler.execute(() -> clock.now = clock.now.plusMillis(250));
        scheduler.execute(() -> ranAt.add(scheduler.now()));

        scheduler.runUntilIdle();

        assertThat(ranAt).containsExactly(Instant.parse("2026-11-28T08:00:00.250Z"));
        assertThat(scheduler.skipped()).isZero();
    }

    @Test
    void ready_tasks_run_before_timers_in_the_order_given_and_cancelled_timers_never_run() {
        List<String> order = new ArrayList<>();
        scheduler.schedule(Duration.ofSeconds(2), () -> order.add("late"));
        Scheduler.Cancellable cancelled = scheduler.schedule(Duration.ofSeconds(1), () -> order.add("cancelled"));
        scheduler.execute(() -> order.add("first"));
        scheduler.execute(() -> order.add("second"));
        cancelled.cancel();

        scheduler.runUntilIdle();

        assertThat(order).containsExactly("first", "second", "late");
    }
}
