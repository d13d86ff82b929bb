package appliance.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.security.MessageDigest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/** S3's REST API on the Step Functions server's port, over a folder of buckets, through AWS's own S3Client. */
class S3RestProtocolTest {

    @TempDir
    Path folder;

    private final ServerFixture fixture = new ServerFixture();
    private S3Client s3;

    private S3Client s3() {
        if (s3 == null) {
            fixture.server.serveS3(folder);
            s3 = S3Client.builder().endpointOverride(fixture.server.endpoint()).region(Region.US_EAST_1).forcePathStyle(true)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                    .httpClient(UrlConnectionHttpClient.create()).build();
        }
        return s3;
    }

    @AfterEach
    void close() {
        if (s3 != null) {
            s3.close();
        }
        fixture.close();
    }

    @Test
    void a_put_object_is_a_file_in_the_buckets_folder_and_gets_back_with_its_md5_etag() throws Exception {
        s3().createBucket(r -> r.bucket("orders"));
        String etag = s3().putObject(r -> r.bucket("orders").key("in/items.jsonl"), RequestBody.fromString("{\"id\":1}\n")).eTag();

        assertThat(Files.readString(folder.resolve("orders/in/items.jsonl"))).isEqualTo("{\"id\":1}\n");
        String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest("{\"id\":1}\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(etag).isEqualTo("\"" + md5 + "\"");
        assertThat(s3().getObjectAsBytes(r -> r.bucket("orders").key("in/items.jsonl")).asUtf8String()).isEqualTo("{\"id\":1}\n");
        assertThat(s3().headObject(r -> r.bucket("orders").key("in/items.jsonl")).contentLength()).isEqualTo(9L);
        assertThat(s3().getObjectAsBytes(r -> r.bucket("orders").key("in/items.jsonl").range("bytes=1-4")).asUtf8String())
                .isEqualTo("\"id\"");
        assertThat(s3().listBuckets().buckets()).extracting(b -> b.name()).containsExactly("orders");
    }

    @Test
    void list_objects_v2_takes_prefix_delimiter_and_pages_with_continuation_tokens() {
        s3().createBucket(r -> r.bucket("data"));
        for (String key : new String[] {"a/1", "a/2", "b/1", "c", "d"}) {
            s3().putObject(r -> r.bucket("data").key(key), RequestBody.fromString(key));
        }

        ListObjectsV2Response top = s3().listObjectsV2(r -> r.bucket("data").delimiter("/"));
        assertThat(top.commonPrefixes()).extracting(p -> p.prefix()).containsExactly("a/", "b/");
        assertThat(top.contents()).extracting(S3Object::key).containsExactly("c", "d");

        assertThat(s3().listObjectsV2(r -> r.bucket("data").prefix("a/")).contents()).extracting(S3Object::key)
                .containsExactly("a/1", "a/2");

        ListObjectsV2Response first = s3().listObjectsV2(r -> r.bucket("data").maxKeys(2));
        assertThat(first.contents()).extracting(S3Object::key).containsExactly("a/1", "a/2");
        assertThat(first.isTruncated()).isTrue();
        ListObjectsV2Response rest = s3().listObjectsV2(r -> r.bucket("data").maxKeys(2).continuationToken(first.nextContinuationToken()));
        assertThat(rest.contents()).extracting(S3Object::key).containsExactly("b/1", "c");
        assertThat(s3().listObjectsV2Paginator(r -> r.bucket("data").maxKeys(2)).contents().stream().map(S3Object::key))
                .containsExactly("a/1", "a/2", "b/1", "c", "d");
    }

    @Test
    void a_deleted_object_is_gone_and_missing_ones_are_s3s_errors() {
        s3().createBucket(r -> r.bucket("tmp"));
        s3().putObject(r -> r.bucket("tmp").key("x/y.json"), RequestBody.fromString("{}"));
        s3().deleteObject(r -> r.bucket("tmp").key("x/y.json"));

        assertThat(Files.exists(folder.resolve("tmp/x"))).isFalse();
        assertThatThrownBy(() -> s3().getObject(r -> r.bucket("tmp").key("x/y.json")))
                .isInstanceOf(NoSuchKeyException.class).hasMessageContaining("The specified key does not exist");
        assertThatThrownBy(() -> s3().listObjectsV2(r -> r.bucket("nope")))
                .isInstanceOf(NoSuchBucketException.class).hasMessageContaining("bucket does not exist: nope");
        assertThatThrownBy(() -> s3().headBucket(r -> r.bucket("nope"))).isInstanceOf(NoSuchBucketException.class);
    }

    @Test
    void a_bucket_name_s3_would_refuse_is_refused() throws Exception {
        s3();
        HttpURLConnection put = unsignedPut("/Bad_Name");

        assertThat(put.getResponseCode()).isEqualTo(400);
        assertThat(new String(put.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).contains("<Code>InvalidBucketName</Code>");
        assertThat(folder.resolve("Bad_Name")).doesNotExist();
    }

    private HttpURLConnection unsignedPut(String path) throws Exception {
        HttpURLConnection put = (HttpURLConnection) URI.create(fixture.server.endpoint() + path).toURL().openConnection();
        put.setRequestMethod("PUT");
        put.setRequestProperty("x-amz-content-sha256", "UNSIGNED-PAYLOAD");
        put.setDoOutput(true);
        put.getOutputStream().write("x".getBytes(StandardCharsets.UTF_8));
        return put;
    }

    @Test
    void a_key_that_would_leave_the_buckets_folder_is_refused() throws Exception {
        s3().createBucket(r -> r.bucket("safe"));
        HttpURLConnection put = unsignedPut("/safe/a/%2E%2E/%2E%2E/escaped");

        assertThat(put.getResponseCode()).isEqualTo(400);
        assertThat(new String(put.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).contains("<Code>InvalidArgument</Code>");
        assertThat(Files.exists(folder.resolve("escaped"))).isFalse();
    }

    @Test
    void the_debuggers_pages_are_still_served_beside_s3() throws Exception {
        s3();
        HttpURLConnection page = (HttpURLConnection) URI.create(fixture.server.endpoint() + "/").toURL().openConnection();

        assertThat(page.getResponseCode()).isEqualTo(200);
        assertThat(page.getContentType()).startsWith("text/html");
    }
}
