package appliance.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * AWS's pytest Step Functions Local sample, in our own words: a user's Python tests (boto3, pytest) of
 * their own state machine against the jar, which starts empty; the tests create the machine, check it is
 * the first one listed, and run its mock test cases (SFN_MOCK_CONFIG). Skipped where python3 lacks boto3
 * or pytest (.ci/run installs them).
 */
class PytestSampleIT {

    @TempDir
    Path folder;

    @Test
    void the_users_pytest_tests_pass_against_the_jar() throws Exception {
        assumeTrue(Processes.pythonHas("boto3", "pytest"),
                "python3 with boto3 and pytest is not installed (apt-get install python3-boto3 python3-pytest): skipped");
        Path project = UsersProject.copyTo(folder.resolve("greeter"));
        Path tests = Files.copy(Path.of(getClass().getResource("/pytest-sample/test_greeter.py").toURI()),
                project.resolve("test_greeter.py"));
        Map<String, String> settings = Map.of("SFN_MOCK_CONFIG", project.resolve("statemachine/test/MockConfigFile.json").toString());

        try (LocalJar jar = LocalJar.serve(folder, settings)) {
            Processes.Result pytest = Processes.run(project, Map.of("APPLIANCE_LOCAL_ENDPOINT", jar.endpoint().toString(),
                    "GREETER_DEFINITION", project.resolve("statemachine/greeter.asl.json").toString()),
                    List.of("python3", "-m", "pytest", "-q", "-p", "no:cacheprovider", tests.getFileName().toString()));

            assertThat(pytest.exitCode()).as(pytest.output()).isZero();
            assertThat(pytest.output()).contains("4 passed");
        }
    }
}
