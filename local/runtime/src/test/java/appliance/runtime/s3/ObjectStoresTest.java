package appliance.runtime.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import appliance.engine.definition.StateMachineDefinition;
import appliance.engine.maprun.ObjectStore;
import appliance.engine.maprun.ObjectStoreException;
import appliance.engine.run.Engine;
import appliance.engine.run.Execution;
import appliance.engine.run.ExecutionIdentity;
import appliance.engine.run.ExecutionResult;
import appliance.engine.time.VirtualTimeScheduler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The S3 side of DISTRIBUTED Map: a folder of buckets, and an S3 endpoint through the SDK (moto's server). */
class ObjectStoresTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    /** Reads a CSV through ItemReader and writes the results through ResultWriter; returns the manifest. */
    private JsonNode csvThroughAMap(ObjectStore store) throws Exception {
        store.put("in-bucket", "rows.csv", "id,name\n1,ann\n2,bob\n".getBytes(StandardCharsets.UTF_8));
        String definition = """
                {"StartAt":"M","States":{"M":{"Type":"Map","End":true,
                  "ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"CSV","CSVHeaderLocation":"FIRST_ROW"},
                    "Parameters":{"Bucket":"in-bucket","Key":"rows.csv"}},
                  "ResultWriter":{"Resource":"arn:aws:states:::s3:putObject","Parameters":{"Bucket":"out-bucket","Prefix":"results"}},
                  "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"EXPRESS"},
                    "StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}}}}""";
        VirtualTimeScheduler scheduler = new VirtualTimeScheduler(Instant.parse("2024-05-01T12:00:00Z"));
        Engine engine = new Engine(scheduler, request -> CompletableFuture.completedFuture(request.parameters()),
                new SplittableRandom(1)).withObjectStore(store);
        Execution execution = engine.start(StateMachineDefinition.compile(JSON.readTree(definition)), JSON.readTree("{}"),
                ExecutionIdentity.local("Rows", "e"), null);
        scheduler.runUntilIdle();
        ExecutionResult result = execution.result().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(result.error()).as(String.valueOf(result.cause())).isNull();
        String manifestKey = result.output().at("/ResultWriterDetails/Key").asText();
        assertThat(manifestKey).startsWith("results/").endsWith("/manifest.json");
        JsonNode manifest = JSON.readTree(store.get("out-bucket", manifestKey));
        JsonNode succeeded = JSON.readTree(store.get("out-bucket", manifest.at("/ResultFiles/SUCCEEDED/0/Key").asText()));
        assertThat(succeeded).hasSize(2);
        assertThat(JSON.readTree(succeeded.get(1).get("Output").asText())).isEqualTo(JSON.readTree("{\"id\":\"2\",\"name\":\"bob\"}"));
        return manifest;
    }

    @Test
    void a_folder_store_keeps_one_folder_per_bucket_and_one_file_per_object() throws Exception {
        FolderObjectStore store = new FolderObjectStore(folder);
        Files.createDirectories(folder.resolve("in-bucket"));
        csvThroughAMap(store);
        assertThat(folder.resolve("in-bucket/rows.csv")).exists();
        assertThat(store.list("out-bucket", "results/")).hasSize(2);
        assertThat(store.list("out-bucket", "results/").get(0).key()).endsWith("/SUCCEEDED_0.json");
    }

    @Test
    void a_folder_store_refuses_keys_that_leave_the_bucket_and_names_what_is_missing() {
        FolderObjectStore store = new FolderObjectStore(folder);
        assertThatThrownBy(() -> store.put("b", "../escape", new byte[0])).isInstanceOf(ObjectStoreException.class)
                .hasMessageContaining("Invalid key");
        assertThatThrownBy(() -> store.get("nobucket", "k")).hasMessageContaining("NoSuchBucket");
        store.put("b", "here", new byte[0]);
        assertThatThrownBy(() -> store.get("b", "there")).hasMessageContaining("NoSuchKey: s3://b/there");
    }

    @Test
    void an_s3_endpoint_is_reached_through_the_sdk() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process moto;
        try {
            moto = new ProcessBuilder("python3", "-m", "moto.server", "-H", "127.0.0.1", "-p", String.valueOf(port))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            Assumptions.abort("python3 is not installed: no moto server to test against");
            return;
        }
        try {
            boolean up = false;
            for (int i = 0; i < 100 && moto.isAlive() && !up; i++) {
                try (Socket probe = new Socket("127.0.0.1", port)) {
                    up = true;
                } catch (IOException notYet) {
                    moto.waitFor(100, TimeUnit.MILLISECONDS);
                }
            }
            Assumptions.assumeTrue(up, "moto's server (python3 -m moto.server) did not start: skipped");
            try (S3ClientObjectStore store = S3ClientObjectStore.at(URI.create("http://127.0.0.1:" + port), "us-east-1")) {
                var client = store.client();
                client.createBucket(r -> r.bucket("in-bucket"));
                client.createBucket(r -> r.bucket("out-bucket"));
                JsonNode manifest = csvThroughAMap(store);
                assertThat(manifest.get("DestinationBucket").asText()).isEqualTo("out-bucket");
                assertThat(store.list("out-bucket", "results/")).hasSize(2);
                assertThatThrownBy(() -> store.get("in-bucket", "missing.csv")).hasMessageContaining("NoSuchKey");
            }
        } finally {
            moto.destroy();
            moto.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
