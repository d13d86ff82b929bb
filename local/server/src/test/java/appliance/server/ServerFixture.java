package appliance.server;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;

/** A server on a free port with tasks the test controls, and AWS's SfnClient pointed at it. */
final class ServerFixture implements AutoCloseable {

    static final String ROLE = "arn:aws:iam::123456789012:role/TestRole";

    final ControllableTasks tasks = new ControllableTasks();
    final StepFunctionsServer server;
    final SfnClient sfn;

    ServerFixture() {
        this((Path) null);
    }

    /** @param database the database file, null for in memory */
    ServerFixture(Path database) {
        server = StepFunctionsServer.start(new ServerOptions("127.0.0.1", 0, database, null), tasks, Clock.systemUTC());
        sfn = client(server.endpoint());
    }

    /** In memory, on {@code clock} (a test moves it to stand for time passing, without waiting). */
    ServerFixture(Clock clock) {
        server = StepFunctionsServer.start(new ServerOptions("127.0.0.1", 0, null, null), tasks, clock);
        sfn = client(server.endpoint());
    }

    ServerFixture(ServerOptions options) {
        server = StepFunctionsServer.start(options, tasks, Clock.systemUTC());
        sfn = client(server.endpoint());
    }

    static SfnClient client(URI endpoint) {
        return SfnClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                // StartSyncExecution's endpoint has the host prefix "sync-", which localhost does not have.
                .overrideConfiguration(o -> o.putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true))
                .build();
    }

    String createMachine(String name, String definition) {
        return sfn.createStateMachine(r -> r.name(name).definition(definition).roleArn(ROLE)).stateMachineArn();
    }

    /** Waits (at most 10 s) until the execution ended and was saved; returns its status. */
    String awaitFinished(String executionArn) throws Exception {
        return server.finished(executionArn).get(10, TimeUnit.SECONDS);
    }

    static String pass(String result) {
        return "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"Result\":" + result + ",\"End\":true}}}";
    }

    static String task(String resource) {
        return "{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\",\"Resource\":\"" + resource
                + "\",\"End\":true}}}";
    }

    @Override
    public void close() {
        sfn.close();
        server.close();
    }
}
