package appliance.server.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash test, short: a server process on a file store, 4 clients, killed with SIGKILL three times
 * and stopped with SIGTERM once at random moments, restarted each time. Nothing acknowledged is lost or
 * duplicated, and every execution ends as an uninterrupted run of it does. ({@code crash-test.sh} is the
 * long one: 16 clients, 11 restarts, 5,000 executions, against {@code bin/appliance serve}.)
 */
class CrashRecoveryTest {

    @TempDir
    Path folder;

    @Test
    void nothing_acknowledged_is_lost_or_duplicated_across_kills_and_every_execution_ends_as_uninterrupted()
            throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = List.of(java, "-cp", System.getProperty("java.class.path"), CrashServer.class.getName(),
                "{port}", "{db}");
        CrashRun.Options options = new CrashRun.Options(command, folder.resolve("store"), List.of(), CrashServer.FUNCTION,
                4, 3, 1, Duration.ofMillis(300), Duration.ofMillis(1200), 200, 20261202L);

        CrashRun.Result result = new CrashRun(options).run();

        assertThat(result.problems()).isEmpty();
        assertThat(result.acknowledged()).isGreaterThanOrEqualTo(200);
        assertThat(result.lost()).isZero();
        assertThat(result.duplicated()).isZero();
        assertThat(result.succeeded()).isEqualTo(result.acknowledged());
        assertThat(result.completeHistories()).isEqualTo(result.acknowledged());
        assertThat(result.equalOutputs()).isEqualTo(result.acknowledged());
        assertThat(result.restarts()).isEqualTo(4);
    }
}
