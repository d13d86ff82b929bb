package appliance.server;

import appliance.engine.task.mock.MockConfig;
import java.nio.file.Path;
import java.util.List;

/**
 * How to run the server: the address to bind (127.0.0.1 unless told otherwise; port 0 picks a free
 * one), the store's folder ({@code null}: in memory, nothing kept), the MockConfigFile for
 * {@code stateMachineArn#TestCase} executions ({@code null}: none), the folder of sample events the web
 * debugger offers as inputs ({@code null}: none; the project's {@code events/}), the scale of every Wait
 * and retry interval (Step Functions Local's {@code WAIT_TIME_SCALE}; 1 is real time), the Host header
 * values accepted besides the loopback names and the bound host ({@code *}: any), and whether executions
 * left running by a previous server resume as soon as it starts (an owner that registers machines first
 * calls {@link StepFunctionsServer#resumeExecutions()} itself), and the region and account its ARNs name
 * (Step Functions Local's {@code AWS_DEFAULT_REGION} and {@code AWS_ACCOUNT_ID}).
 */
public record ServerOptions(String host, int port, Path database, MockConfig mockConfig, Path samples,
        double waitTimeScale, List<String> allowedHosts, boolean resumeOnStart, String region, String account) {

    public static final int DEFAULT_PORT = 8083;
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** Step Functions Local's region and account, used unless the options name others. */
    public static final String DEFAULT_REGION = "us-east-1";
    public static final String DEFAULT_ACCOUNT = "123456789012";

    public ServerOptions {
        allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
        region = region == null ? DEFAULT_REGION : region;
        account = account == null ? DEFAULT_ACCOUNT : account;
        if (!region.matches("[a-z]{2}(-[a-z]+)+-\\d+")) {
            throw new IllegalArgumentException("Not a region name (such as us-east-1): " + region);
        }
        if (!account.matches("\\d{12}")) {
            throw new IllegalArgumentException("Not an account ID (12 digits): " + account);
        }
    }

    public ServerOptions(String host, int port, Path database, MockConfig mockConfig, Path samples,
            double waitTimeScale, List<String> allowedHosts, boolean resumeOnStart) {
        this(host, port, database, mockConfig, samples, waitTimeScale, allowedHosts, resumeOnStart, null, null);
    }

    public ServerOptions(String host, int port, Path database, MockConfig mockConfig, Path samples, double waitTimeScale) {
        this(host, port, database, mockConfig, samples, waitTimeScale, List.of(), true);
    }

    public ServerOptions(String host, int port, Path database, MockConfig mockConfig, Path samples) {
        this(host, port, database, mockConfig, samples, 1.0);
    }

    public ServerOptions(String host, int port, Path database, MockConfig mockConfig) {
        this(host, port, database, mockConfig, null);
    }

    /** The store under a project root, as {@code serve} keeps it by default. */
    public static Path defaultDatabase(Path projectRoot) {
        return projectRoot.resolve(".appliance").resolve("server-db");
    }

    public static ServerOptions inMemory(int port) {
        return new ServerOptions(DEFAULT_HOST, port, null, null, null);
    }

    public ServerOptions withMockConfig(MockConfig config) {
        return new ServerOptions(host, port, database, config, samples, waitTimeScale, allowedHosts, resumeOnStart, region, account);
    }

    /** The web debugger offers the {@code *.json} files of {@code folder} as execution inputs. */
    public ServerOptions withSamples(Path folder) {
        return new ServerOptions(host, port, database, mockConfig, folder, waitTimeScale, allowedHosts, resumeOnStart, region, account);
    }

    /** Waits and retry intervals take {@code scale} times their time (0: none at all). */
    public ServerOptions withWaitTimeScale(double scale) {
        return new ServerOptions(host, port, database, mockConfig, samples, scale, allowedHosts, resumeOnStart, region, account);
    }

    /** Also accept requests whose Host header names one of {@code hosts} ({@code *}: any host). */
    public ServerOptions withAllowedHosts(List<String> hosts) {
        return new ServerOptions(host, port, database, mockConfig, samples, waitTimeScale, hosts, resumeOnStart, region, account);
    }

    /** Executions left running resume only when the owner calls {@link StepFunctionsServer#resumeExecutions()}. */
    public ServerOptions withResumeLater() {
        return new ServerOptions(host, port, database, mockConfig, samples, waitTimeScale, allowedHosts, false, region, account);
    }

    /** ARNs name {@code region} and {@code account} (null: Step Functions Local's us-east-1 and 123456789012). */
    public ServerOptions withIdentity(String region, String account) {
        return new ServerOptions(host, port, database, mockConfig, samples, waitTimeScale, allowedHosts, resumeOnStart,
                region, account);
    }
}
