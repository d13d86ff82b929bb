package appliance.server;

/** An S3 error answer: the HTTP status, S3's error code (NoSuchBucket, NoSuchKey, ...) and a message saying what is wrong. */
final class S3Error extends RuntimeException {

    private final int status;
    private final String code;

    S3Error(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }
}
