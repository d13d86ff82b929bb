package appliance.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * S3 buckets in a folder, laid out as the Distributed Map's folder store reads them ({@code --s3-dir}): one
 * sub-folder per bucket, one file per object, a key's slashes are folders. Uploads are written to a temporary
 * file under {@code .uploads} (no bucket name starts with a dot), forced to disk and renamed into place, so a
 * PUT is answered only once its object is durable and a reader never sees half an object.
 */
final class S3Buckets {

    private static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    private final Path root;

    S3Buckets(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** An object's metadata: what HeadObject and ListObjectsV2 tell. */
    record ObjectInfo(String key, long size, String etag, Instant lastModified) {
    }

    void create(String bucket) throws IOException {
        Files.createDirectories(folder(bucket));
    }

    boolean exists(String bucket) {
        return Files.isDirectory(folder(bucket));
    }

    void delete(String bucket) throws IOException {
        Path folder = existing(bucket);
        try {
            Files.delete(folder);
        } catch (DirectoryNotEmptyException e) {
            throw new S3Error(409, "BucketNotEmpty", "The bucket you tried to delete is not empty: " + bucket);
        }
    }

    /** The buckets, by name, with the time each folder was last changed. */
    List<ObjectInfo> buckets() throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<ObjectInfo> buckets = new ArrayList<>();
        try (Stream<Path> folders = Files.list(root)) {
            for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
                String name = folder.getFileName().toString();
                if (BUCKET_NAME.matcher(name).matches()) {
                    buckets.add(new ObjectInfo(name, 0, "", Files.getLastModifiedTime(folder).toInstant()));
                }
            }
        }
        return buckets;
    }

    /** Writes {@code content} as the object, durably, and answers its metadata (ETag: the MD5 of the bytes). */
    ObjectInfo put(String bucket, String key, InputStream content) throws IOException {
        Path file = object(existing(bucket), key);
        Path uploads = root.resolve(".uploads");
        Files.createDirectories(uploads);
        Path partial = uploads.resolve(UUID.randomUUID() + ".partial");
        MessageDigest md5 = md5();
        try {
            try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
                new DigestInputStream(content, md5).transferTo(out);
                channel.force(true);
            }
            if (Files.isDirectory(file)) {
                throw new S3Error(400, "InvalidArgument", "The key '" + key + "' is a prefix of other objects in bucket '"
                        + bucket + "' (a folder here): it cannot also be an object.");
            }
            Files.createDirectories(file.getParent());
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            forceFolder(file.getParent());
        } catch (java.nio.file.FileSystemException e) {
            throw new S3Error(400, "InvalidArgument", "Cannot store the key '" + key + "' in bucket '" + bucket
                    + "': a part of it is already an object (" + e.getReason() + ").");
        } finally {
            Files.deleteIfExists(partial);
        }
        return info(key, file, HexFormat.of().formatHex(md5.digest()));
    }

    /** The object's file, after checking it is there. */
    Path file(String bucket, String key) {
        Path file = object(existing(bucket), key);
        if (!Files.isRegularFile(file)) {
            throw new S3Error(404, "NoSuchKey", "The specified key does not exist: " + key);
        }
        return file;
    }

    ObjectInfo head(String bucket, String key) throws IOException {
        Path file = file(bucket, key);
        return info(key, file, etag(file));
    }

    /** Deletes the object (nothing to do when there is none, as S3 answers) and the folders it leaves empty. */
    void delete(String bucket, String key) throws IOException {
        Path folder = existing(bucket);
        Path file = object(folder, key);
        if (Files.isRegularFile(file)) {
            Files.delete(file);
            forceFolder(file.getParent());
            for (Path parent = file.getParent(); !parent.equals(folder); parent = parent.getParent()) {
                try (Stream<Path> left = Files.list(parent)) {
                    if (left.findAny().isPresent()) {
                        break;
                    }
                }
                Files.deleteIfExists(parent);
            }
        }
    }

    /** Every object in the bucket, in key order (S3's: by UTF-8 bytes, which for these keys is String order). */
    List<ObjectInfo> list(String bucket) throws IOException {
        Path folder = existing(bucket);
        List<ObjectInfo> listed = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String key = folder.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                listed.add(info(key, file, etag(file)));
            }
        }
        listed.sort((a, b) -> a.key().compareTo(b.key()));
        return listed;
    }

    private static ObjectInfo info(String key, Path file, String md5) throws IOException {
        return new ObjectInfo(key, Files.size(file), "\"" + md5 + "\"", Files.getLastModifiedTime(file).toInstant());
    }

    private Path folder(String bucket) {
        if (!BUCKET_NAME.matcher(bucket).matches() || bucket.contains("..")) {
            throw new S3Error(400, "InvalidBucketName", "The specified bucket is not valid: '" + bucket
                    + "' (3 to 63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit).");
        }
        return root.resolve(bucket);
    }

    private Path existing(String bucket) {
        Path folder = folder(bucket);
        if (!Files.isDirectory(folder)) {
            throw new S3Error(404, "NoSuchBucket", "The specified bucket does not exist: " + bucket);
        }
        return folder;
    }

    private static Path object(Path folder, String key) {
        boolean escapes = key.isEmpty() || key.startsWith("/") || key.endsWith("/") || key.contains("\\")
                || key.contains("\0") || Stream.of(key.split("/", -1)).anyMatch(part -> part.isEmpty() || part.equals(".") || part.equals(".."));
        Path file = escapes ? null : folder.resolve(key).normalize();
        if (file == null || !file.startsWith(folder) || file.equals(folder)) {
            throw new S3Error(400, "InvalidArgument", "The key '" + key + "' cannot be stored in the bucket's folder:"
                    + " keys here are file paths (no '..' or '.' parts, no empty parts, no leading or trailing '/').");
        }
        return file;
    }

    private static String etag(Path file) throws IOException {
        MessageDigest md5 = md5();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md5)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (NoSuchFileException e) {
            throw new S3Error(404, "NoSuchKey", "The specified key does not exist: " + file.getFileName());
        }
        return HexFormat.of().formatHex(md5.digest());
    }

    /** Forces a folder's entries (a rename, a delete) to disk; where a file system cannot, the rename still stands. */
    private static void forceFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some file systems (and Windows) do not open folders: the file itself was forced before the rename.
        }
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This Java has no MD5, which every Java must have", e);
        }
    }
}
