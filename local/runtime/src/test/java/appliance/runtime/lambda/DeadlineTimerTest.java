package appliance.runtime.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The real timer, observed through latches (a due action fires; nothing here waits for a deadline to pass). */
class DeadlineTimerTest {
    private final DeadlineTimer timer = new DeadlineTimer();

    @Test
    void a_due_deadline_fires_its_action() throws Exception {
        CountDownLatch fired = new CountDownLatch(1);

        timer.schedule(0, fired::countDown);

        assertThat(fired.await(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void an_earlier_deadline_wakes_a_timer_sleeping_until_a_later_one() throws Exception {
        CountDownLatch fired = new CountDownLatch(1);
        timer.schedule(TimeUnit.HOURS.toNanos(1), () -> { });

        timer.schedule(0, fired::countDown);

        assertThat(fired.await(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void a_cancelled_deadline_is_forgotten_at_once() {
        TimeoutScheduler.Scheduled scheduled = timer.schedule(TimeUnit.HOURS.toNanos(1), () -> { });

        scheduled.cancel();

        assertThat(timer.pendingCount()).isZero();
    }

    @Test
    void a_failing_action_does_not_stop_the_timer() throws Exception {
        CountDownLatch fired = new CountDownLatch(1);
        timer.schedule(0, () -> {
            throw new IllegalStateException("boom");
        });

        timer.schedule(0, fired::countDown);

        assertThat(fired.await(30, TimeUnit.SECONDS)).isTrue();
    }
}
