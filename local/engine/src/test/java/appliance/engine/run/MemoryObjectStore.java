package appliance.engine.run;

import appliance.engine.maprun.ObjectStore;
import appliance.engine.maprun.ObjectStoreException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** An object store in a map, for the ItemReader and ResultWriter tests. */
final class MemoryObjectStore implements ObjectStore {

    final Map<String, byte[]> objects = new TreeMap<>();

    MemoryObjectStore with(String bucket, String key, String content) {
        objects.put(bucket + "/" + key, content.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    String text(String bucket, String key) {
        byte[] content = objects.get(bucket + "/" + key);
        return content == null ? null : new String(content, StandardCharsets.UTF_8);
    }

    @Override
    public byte[] get(String bucket, String key) {
        byte[] content = objects.get(bucket + "/" + key);
        if (content == null) {
            throw new ObjectStoreException("NoSuchKey: s3://" + bucket + "/" + key);
        }
        return content;
    }

    @Override
    public List<ObjectSummary> list(String bucket, String prefix) {
        List<ObjectSummary> listed = new ArrayList<>();
        objects.forEach((name, content) -> {
            if (name.startsWith(bucket + "/" + prefix)) {
                listed.add(new ObjectSummary(name.substring(bucket.length() + 1), content.length, "\"e\"",
                        "2024-05-01T12:00:00Z", "STANDARD"));
            }
        });
        return listed;
    }

    @Override
    public void put(String bucket, String key, byte[] content) {
        objects.put(bucket + "/" + key, content);
    }
}
