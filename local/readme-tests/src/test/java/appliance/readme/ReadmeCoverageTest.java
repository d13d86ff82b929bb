package appliance.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every command the README shows is one a process test runs, or one it names here as run elsewhere; a
 * command added to the README without a test fails this. To add one: write its process test in this
 * module (with {@link UserProcess}, and {@link OutputShape} where the README shows output) and list it.
 */
class ReadmeCoverageTest {

    /** README commands each test class here runs as a process. */
    static final List<String> TESTED = List.of(
            // RunProcessTest
            "bin/appliance run events/preset-ended-early.json",
            // HybridProcessTest
            "bin/appliance run events/preset-ended-early.json --lambda-endpoint http://127.0.0.1:3001",
            // SmallCommandsProcessTest
            "bin/appliance test",
            "bin/appliance invoke ClassifyCookFunction events/sns-custom-ended-early.json",
            "bin/appliance invoke ClassifyCookFunction events/bad-zero-req-secs.json",
            "bin/appliance execute --definition statemachine/cook-workflow.jsonata.asl.json --input events/cook-completed.json"
                    + " --mock-config statemachine/test/MockConfigFile.json --test-case CookCompleted",
            // RuntimesProcessTest
            "bin/appliance run --template examples/seed-nodejs/template.yaml"
                    + " examples/seed-nodejs/events/sns-preset-ended-early.json",
            "bin/appliance run --isolation process events/preset-ended-early.json",
            // ServeAwsCliProcessTest
            "bin/appliance serve",
            "aws stepfunctions list-state-machines --endpoint-url http://127.0.0.1:8083",
            "aws stepfunctions start-execution --endpoint-url http://127.0.0.1:8083"
                    + " --state-machine-arn arn:aws:states:us-east-1:123456789012:stateMachine:CookWorkflow"
                    + " --input file://events/preset-ended-early.json",
            "aws stepfunctions create-state-machine --endpoint-url http://127.0.0.1:8083 --name Hello --type EXPRESS"
                    + " --role-arn arn:aws:iam::123456789012:role/DummyRole"
                    + " --definition '{\"StartAt\":\"Hi\",\"States\":{\"Hi\":{\"Type\":\"Pass\",\"Result\":\"hello\",\"End\":true}}}'",
            "aws stepfunctions start-sync-execution --endpoint-url http://127.0.0.1:8083"
                    + " --state-machine-arn arn:aws:states:us-east-1:123456789012:stateMachine:Hello");

    /** The one command of {@link #TESTED} that starts so: a test names what it runs and the README keeps it. */
    static String tested(String start) {
        List<String> matching = TESTED.stream().filter(command -> command.startsWith(start)).toList();
        assertThat(matching).as("commands of TESTED starting with " + start).hasSize(1);
        return matching.get(0);
    }

    /**
     * README commands no process test here runs, and why: the build itself, AWS deployment, Docker, the
     * exports the AWS CLI commands run under (ServeAwsCliProcessTest sets the same in their environment).
     */
    static final List<String> RUN_ELSEWHERE = List.of(
            "mvn -B -ntp verify",
            "export AWS_DEFAULT_REGION=us-east-1 AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local"
                    + " AWS_DISABLE_HOST_PREFIX_INJECTION=true",
            "mvn -B -ntp install -DskipTests",
            "sam build",
            "sam deploy --guided",
            // Minutes of kill -9 and restarts, run by hand; CrashRecoveryTest (local/server) is its short version.
            "local/server/crash-test.sh");

    /**
     * README commands of "Using it in another project" and of SNS on serve's port, run as processes by the
     * tests of local/dist against appliance-local.jar: UsersProjectIT (serve, test, run, execute, graph in a
     * user's project), JavaSdkSampleIT (serve configured by Step Functions Local's variables) and
     * AwsCliMakefileIT (aws sns publish to the ingest topic).
     */
    static final List<String> RUN_BY_THE_JARS_TESTS = List.of(
            "java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar appliance-local.jar serve",
            "java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar appliance-local.jar test",
            "java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar appliance-local.jar run events/en.json",
            "java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar appliance-local.jar execute"
                    + " --definition statemachine/greeter.asl.json --input events/en.json",
            "java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar appliance-local.jar graph",
            "SFN_MOCK_CONFIG=statemachine/test/MockConfigFile.json SQS_ENDPOINT=http://127.0.0.1:9324 WAIT_TIME_SCALE=0"
                    + " java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar local/dist/target/appliance-local.jar serve",
            "aws sns publish --endpoint-url http://127.0.0.1:8083"
                    + " --topic-arn arn:aws:sns:us-east-1:123456789012:CookEventsIngestTopic --message file://events/custom-ended-early.json");

    /** The "Deploying to AWS" and "under AWS Step Functions Local (Docker)" sections need AWS or Docker. */
    private static boolean needsAwsOrDocker(String command) {
        return command.startsWith("aws events put-events") || command.startsWith("docker run") || command.startsWith("sed ")
                || command.contains("--endpoint-url http://localhost:8083 --name CookWorkflow")
                || command.contains("CookWorkflow#PresetEndedEarly' --input");
    }

    @Test
    void every_readme_command_has_a_process_test() {
        List<String> untested = Readme.load().commands().stream()
                .filter(command -> !TESTED.contains(command) && !RUN_ELSEWHERE.contains(command)
                        && !RUN_BY_THE_JARS_TESTS.contains(command) && !needsAwsOrDocker(command))
                .distinct()
                .toList();

        assertThat(untested).as("README commands no process test runs; add a test here and list them in TESTED").isEmpty();
    }

    @Test
    void every_tested_command_is_still_in_the_readme() {
        assertThat(Readme.load().commands()).containsAll(TESTED);
    }
}
