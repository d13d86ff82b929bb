package appliance.engine.maprun;

import java.util.List;

/**
 * The S3 side of a DISTRIBUTED Map: ItemReader reads objects and listings through it, ResultWriter
 * puts its files through it. The engine parses and writes the formats; implementations only move
 * bytes (a folder of buckets, or an S3 endpoint through the AWS SDK). Failures are an
 * {@link ObjectStoreException} whose message says what went wrong, in words a user can act on.
 */
public interface ObjectStore {

    /** An object's bytes. */
    byte[] get(String bucket, String key);

    /** The objects under {@code prefix}, in key order, as ListObjectsV2 gives them. */
    List<ObjectSummary> list(String bucket, String prefix);

    void put(String bucket, String key, byte[] content);

    /** A listing's entry: the fields AWS's ListObjectsV2 reader passes to each child. */
    record ObjectSummary(String key, long size, String etag, String lastModified, String storageClass) {
    }

    /** Where no object store was configured: every call fails saying so. */
    ObjectStore NONE = new ObjectStore() {
        @Override
        public byte[] get(String bucket, String key) {
            throw missing();
        }

        @Override
        public List<ObjectSummary> list(String bucket, String prefix) {
            throw missing();
        }

        @Override
        public void put(String bucket, String key, byte[] content) {
            throw missing();
        }

        private ObjectStoreException missing() {
            return new ObjectStoreException("No S3 object store is configured for this engine.");
        }
    };
}
