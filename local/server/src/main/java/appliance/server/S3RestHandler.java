package appliance.server;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * S3's REST API, path style ({@code /BUCKET/KEY}), on the server's port over {@link S3Buckets}: the folder the
 * Distributed Map's ItemReader and ResultWriter use, so {@code aws s3 cp} and the SDK's S3Client put its input and
 * read its output. CreateBucket, ListBuckets, HeadBucket, DeleteBucket, PutObject, GetObject (one byte range),
 * HeadObject, DeleteObject and ListObjectsV2; errors are S3's XML {@code Error} with its code.
 */
final class S3RestHandler implements HttpHandler {

    private static final String NAMESPACE = "http://s3.amazonaws.com/doc/2006-03-01/";
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final S3Buckets buckets;

    S3RestHandler(S3Buckets buckets) {
        this.buckets = buckets;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String requestId = UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase();
            exchange.getResponseHeaders().set("x-amz-request-id", requestId);
            String path = exchange.getRequestURI().getRawPath();
            String[] parts = path.substring(1).split("/", 2);
            String bucket = decode(parts[0]);
            String key = parts.length > 1 ? decode(parts[1]) : "";
            try {
                answer(exchange, exchange.getRequestMethod(), bucket, key, query(exchange.getRequestURI().getRawQuery()));
            } catch (S3Error error) {
                fail(exchange, error, path, requestId);
            } catch (RuntimeException | IOException failed) {
                fail(exchange, new S3Error(500, "InternalError", "The local S3 could not do that: " + failed.getMessage()), path, requestId);
            }
        }
    }

    private void answer(HttpExchange exchange, String method, String bucket, String key, Map<String, String> query) throws IOException {
        if (bucket.isEmpty()) {
            if (!method.equals("GET")) {
                throw new S3Error(405, "MethodNotAllowed", "The specified method is not allowed against the service: " + method);
            }
            listBuckets(exchange);
        } else if (key.isEmpty()) {
            switch (method) {
                case "PUT" -> {
                    buckets.create(bucket);
                    exchange.getResponseHeaders().set("Location", "/" + bucket);
                    empty(exchange, 200);
                }
                case "HEAD" -> {
                    if (!buckets.exists(bucket)) {
                        throw new S3Error(404, "NoSuchBucket", "The specified bucket does not exist: " + bucket);
                    }
                    empty(exchange, 200);
                }
                case "DELETE" -> {
                    buckets.delete(bucket);
                    empty(exchange, 204);
                }
                case "GET" -> {
                    if (query.containsKey("location")) {
                        xml(exchange, 200, "<LocationConstraint xmlns=\"" + NAMESPACE + "\"/>");
                    } else {
                        listObjects(exchange, bucket, query);
                    }
                }
                default -> throw new S3Error(405, "MethodNotAllowed", "The specified method is not allowed against a bucket: " + method);
            }
        } else {
            switch (method) {
                case "PUT" -> putObject(exchange, bucket, key);
                case "GET", "HEAD" -> getObject(exchange, bucket, key, method.equals("HEAD"));
                case "DELETE" -> {
                    buckets.delete(bucket, key);
                    empty(exchange, 204);
                }
                default -> throw new S3Error(405, "MethodNotAllowed", "The specified method is not allowed against an object: " + method);
            }
        }
    }

    private void listBuckets(HttpExchange exchange) throws IOException {
        StringBuilder xml = new StringBuilder("<ListAllMyBucketsResult xmlns=\"" + NAMESPACE + "\"><Owner><ID>local</ID>"
                + "<DisplayName>local</DisplayName></Owner><Buckets>");
        for (S3Buckets.ObjectInfo bucket : buckets.buckets()) {
            xml.append("<Bucket><Name>").append(escape(bucket.key())).append("</Name><CreationDate>")
                    .append(ISO.format(bucket.lastModified())).append("</CreationDate></Bucket>");
        }
        xml(exchange, 200, xml.append("</Buckets></ListAllMyBucketsResult>").toString());
    }

    private void putObject(HttpExchange exchange, String bucket, String key) throws IOException {
        if (exchange.getRequestHeaders().containsKey("x-amz-copy-source")) {
            throw new S3Error(501, "NotImplemented", "CopyObject is not served by the local S3: get the object and put it again.");
        }
        Headers headers = exchange.getRequestHeaders();
        String sha = String.valueOf(headers.getFirst("x-amz-content-sha256"));
        String encoding = String.valueOf(headers.getFirst("Content-Encoding"));
        InputStream body = exchange.getRequestBody();
        InputStream content = sha.startsWith("STREAMING-") || encoding.contains("aws-chunked") ? new AwsChunkedInput(body) : body;
        S3Buckets.ObjectInfo stored = buckets.put(bucket, key, content);
        exchange.getResponseHeaders().set("ETag", stored.etag());
        empty(exchange, 200);
    }

    private void getObject(HttpExchange exchange, String bucket, String key, boolean headOnly) throws IOException {
        S3Buckets.ObjectInfo info = buckets.head(bucket, key);
        Path file = buckets.file(bucket, key);
        Headers response = exchange.getResponseHeaders();
        response.set("ETag", info.etag());
        response.set("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(info.lastModified().atOffset(ZoneOffset.UTC)));
        response.set("Content-Type", "binary/octet-stream");
        response.set("Accept-Ranges", "bytes");
        long[] range = range(exchange.getRequestHeaders().getFirst("Range"), info.size());
        long length = range == null ? info.size() : range[1] - range[0] + 1;
        if (range != null) {
            response.set("Content-Range", "bytes " + range[0] + "-" + range[1] + "/" + info.size());
        }
        int status = range == null ? 200 : 206;
        if (headOnly) {
            response.set("Content-Length", Long.toString(length));
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, length == 0 ? -1 : length);
        try (InputStream in = Files.newInputStream(file); OutputStream out = exchange.getResponseBody()) {
            in.skipNBytes(range == null ? 0 : range[0]);
            out.write(in.readNBytes((int) Math.min(length, Integer.MAX_VALUE - 8)));
        }
    }

    /** {@code bytes=FIRST-LAST}, {@code bytes=FIRST-} or {@code bytes=-SUFFIX}; null for no range (or one S3 would ignore). */
    private static long[] range(String header, long size) {
        if (header == null || !header.startsWith("bytes=") || header.contains(",")) {
            return null;
        }
        String[] ends = header.substring(6).split("-", -1);
        try {
            long first;
            long last;
            if (ends[0].isEmpty()) {
                first = Math.max(0, size - Long.parseLong(ends[1]));
                last = size - 1;
            } else {
                first = Long.parseLong(ends[0]);
                last = ends[1].isEmpty() ? size - 1 : Math.min(Long.parseLong(ends[1]), size - 1);
            }
            if (first >= size || first > last) {
                throw new S3Error(416, "InvalidRange", "The requested range is not satisfiable: " + header + " of " + size + " bytes.");
            }
            return new long[] {first, last};
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            return null;
        }
    }

    private void listObjects(HttpExchange exchange, String bucket, Map<String, String> query) throws IOException {
        String prefix = query.getOrDefault("prefix", "");
        String delimiter = query.getOrDefault("delimiter", "");
        int maxKeys = maxKeys(query.get("max-keys"));
        String token = query.get("continuation-token");
        String after = token != null ? token(token) : query.getOrDefault("start-after", query.getOrDefault("marker", ""));
        StringBuilder contents = new StringBuilder();
        StringBuilder prefixes = new StringBuilder();
        String last = null;
        String lastPrefix = null;
        int count = 0;
        boolean truncated = false;
        for (S3Buckets.ObjectInfo object : buckets.list(bucket)) {
            String key = object.key();
            if (!key.startsWith(prefix) || key.compareTo(after) <= 0 || (after.endsWith(delimiter) && !delimiter.isEmpty()
                    && !after.isEmpty() && key.startsWith(after))) {
                continue;
            }
            int cut = delimiter.isEmpty() ? -1 : key.indexOf(delimiter, prefix.length());
            String common = cut < 0 ? null : key.substring(0, cut + delimiter.length());
            if (common != null && common.equals(lastPrefix)) {
                continue;
            }
            if (count == maxKeys) {
                truncated = true;
                break;
            }
            count++;
            if (common != null) {
                lastPrefix = common;
                last = common;
                prefixes.append("<CommonPrefixes><Prefix>").append(escape(common)).append("</Prefix></CommonPrefixes>");
            } else {
                last = key;
                contents.append("<Contents><Key>").append(escape(key)).append("</Key><LastModified>")
                        .append(ISO.format(object.lastModified())).append("</LastModified><ETag>").append(escape(object.etag()))
                        .append("</ETag><Size>").append(object.size()).append("</Size><StorageClass>STANDARD</StorageClass></Contents>");
            }
        }
        StringBuilder xml = new StringBuilder("<ListBucketResult xmlns=\"" + NAMESPACE + "\"><Name>").append(escape(bucket))
                .append("</Name><Prefix>").append(escape(prefix)).append("</Prefix>");
        if (!delimiter.isEmpty()) {
            xml.append("<Delimiter>").append(escape(delimiter)).append("</Delimiter>");
        }
        xml.append("<MaxKeys>").append(maxKeys).append("</MaxKeys><KeyCount>").append(count).append("</KeyCount><IsTruncated>")
                .append(truncated).append("</IsTruncated>");
        if (token != null) {
            xml.append("<ContinuationToken>").append(escape(token)).append("</ContinuationToken>");
        }
        if (truncated) {
            xml.append("<NextContinuationToken>").append(Base64.getUrlEncoder().encodeToString(last.getBytes(StandardCharsets.UTF_8)))
                    .append("</NextContinuationToken>");
        }
        xml(exchange, 200, xml.append(contents).append(prefixes).append("</ListBucketResult>").toString());
    }

    private static int maxKeys(String given) {
        if (given == null) {
            return 1000;
        }
        try {
            return Math.min(1000, Math.max(0, Integer.parseInt(given)));
        } catch (NumberFormatException e) {
            throw new S3Error(400, "InvalidArgument", "max-keys must be a whole number, not '" + given + "'.");
        }
    }

    private static String token(String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new S3Error(400, "InvalidArgument", "The continuation token provided is incorrect: '" + token + "'.");
        }
    }

    private static void fail(HttpExchange exchange, S3Error error, String resource, String requestId) throws IOException {
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(error.status(), -1);
            return;
        }
        xml(exchange, error.status(), "<Error><Code>" + error.code() + "</Code><Message>" + escape(error.getMessage())
                + "</Message><Resource>" + escape(resource) + "</Resource><RequestId>" + requestId + "</RequestId></Error>");
    }

    private static void empty(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
    }

    private static void xml(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/xml");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                String[] nameValue = pair.split("=", 2);
                query.put(decode(nameValue[0]), nameValue.length > 1 ? decode(nameValue[1]) : "");
            }
        }
        return query;
    }

    /** Percent-decoding as S3 does it: a '+' in a path or query is a plus (signers encode spaces as %20). */
    private static String decode(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
