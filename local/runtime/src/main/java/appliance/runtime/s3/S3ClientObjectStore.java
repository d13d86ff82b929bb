package appliance.runtime.s3;

import appliance.engine.maprun.ObjectStore;
import appliance.engine.maprun.ObjectStoreException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * S3 through the AWS SDK v2's S3 client, at any S3-compatible endpoint ({@code --s3-endpoint}: moto's
 * server, MinIO, LocalStack), path-style. An S3 error becomes an {@link ObjectStoreException} naming
 * its code, the bucket and the key.
 */
public final class S3ClientObjectStore implements ObjectStore, AutoCloseable {

    private final S3Client s3;

    public S3ClientObjectStore(S3Client s3) {
        this.s3 = s3;
    }

    /** A client for {@code endpoint} in {@code region}, with the environment's credentials or "local" ones. */
    public static S3ClientObjectStore at(URI endpoint, String region) {
        String key = System.getenv().getOrDefault("AWS_ACCESS_KEY_ID", "local");
        String secret = System.getenv().getOrDefault("AWS_SECRET_ACCESS_KEY", "local");
        return new S3ClientObjectStore(S3Client.builder()
                .endpointOverride(endpoint)
                .region(Region.of(region))
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret)))
                .httpClient(UrlConnectionHttpClient.create())
                .build());
    }

    /** The SDK client (to make buckets, for instance). */
    public S3Client client() {
        return s3;
    }

    @Override
    public byte[] get(String bucket, String key) {
        try {
            return s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray();
        } catch (SdkException e) {
            throw failure("read", bucket, key, e);
        }
    }

    @Override
    public List<ObjectSummary> list(String bucket, String prefix) {
        List<ObjectSummary> listed = new ArrayList<>();
        try {
            String token = null;
            do {
                String next = token;
                ListObjectsV2Response page = s3.listObjectsV2(r -> r.bucket(bucket).prefix(prefix).continuationToken(next));
                for (S3Object object : page.contents()) {
                    listed.add(new ObjectSummary(object.key(), object.size(), object.eTag(),
                            object.lastModified() == null ? null : object.lastModified().toString(),
                            object.storageClassAsString() == null ? "STANDARD" : object.storageClassAsString()));
                }
                token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
            } while (token != null);
        } catch (SdkException e) {
            throw failure("list", bucket, prefix, e);
        }
        return listed;
    }

    @Override
    public void put(String bucket, String key, byte[] content) {
        try {
            s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromBytes(content));
        } catch (SdkException e) {
            throw failure("write", bucket, key, e);
        }
    }

    private static ObjectStoreException failure(String verb, String bucket, String key, SdkException e) {
        String reason = e instanceof S3Exception s3e && s3e.awsErrorDetails() != null
                ? s3e.awsErrorDetails().errorCode() + ": " + s3e.awsErrorDetails().errorMessage()
                : e.getMessage();
        return new ObjectStoreException("Cannot " + verb + " s3://" + bucket + "/" + key + ": " + reason, e);
    }

    @Override
    public void close() {
        s3.close();
    }
}
