package appliance.runtime.template;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The ARNs, URLs and ids that resources get locally, in AWS's formats, for the settings' account and region. */
public final class LocalArns {

    private final String partition;
    private final String region;
    private final String account;
    private final String urlSuffix;

    public LocalArns(TemplateSettings settings) {
        this.partition = settings.partition();
        this.region = settings.region();
        this.account = settings.accountId();
        this.urlSuffix = settings.urlSuffix();
    }

    private String arn(String service, String resource) {
        return "arn:" + partition + ":" + service + ":" + region + ":" + account + ":" + resource;
    }

    public String function(String name) {
        return arn("lambda", "function:" + name);
    }

    /** A version or alias qualifies the function ARN: {@code ...:function:NAME:live}. */
    public String qualifiedFunction(String name, String qualifier) {
        return function(name) + ":" + qualifier;
    }

    public String stateMachine(String name) {
        return arn("states", "stateMachine:" + name);
    }

    public String topic(String name) {
        return arn("sns", name);
    }

    public String queue(String name) {
        return arn("sqs", name);
    }

    public String queueUrl(String name) {
        return "https://sqs." + region + "." + urlSuffix + "/" + account + "/" + name;
    }

    /** CloudFormation's LogGroup Arn attribute ends in {@code :*}. */
    public String logGroup(String name) {
        return arn("logs", "log-group:" + name + ":*");
    }

    public String kmsKey(String keyId) {
        return arn("kms", "key/" + keyId);
    }

    public String kmsAlias(String aliasName) {
        return arn("kms", aliasName);
    }

    public String rule(String eventBus, String name) {
        return arn("events", "rule/" + (eventBus.equals("default") ? "" : eventBus + "/") + name);
    }

    public String eventBus(String name) {
        return arn("events", "event-bus/" + name);
    }

    /** IAM is global: no region in its ARNs. */
    public String role(String name) {
        return "arn:" + partition + ":iam::" + account + ":role/" + name;
    }

    public String managedPolicy(String name) {
        return "arn:" + partition + ":iam::" + account + ":policy/" + name;
    }

    public String table(String name) {
        return arn("dynamodb", "table/" + name);
    }

    /** S3 bucket ARNs have neither region nor account. */
    public String bucket(String name) {
        return "arn:" + partition + ":s3:::" + name;
    }

    /**
     * A stable id in UUID form derived from the logical id, so a KMS key id or subscription id is the same
     * on every run. Two FNV-1a hashes rather than UUID.nameUUIDFromBytes: MD5 would load the JVM's security
     * providers, tens of milliseconds of a cold start, for ids that need no cryptography.
     */
    public static String stableId(String kind, String logicalId) {
        byte[] bytes = (kind + ":" + logicalId).getBytes(StandardCharsets.UTF_8);
        return new UUID(fnv1a(bytes, 0xcbf29ce484222325L), fnv1a(bytes, 0x84222325cbf29ce4L)).toString();
    }

    private static long fnv1a(byte[] bytes, long seed) {
        long hash = seed;
        for (byte b : bytes) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
