package appliance.runtime.lambda.handler;

import com.amazonaws.services.lambda.runtime.Context;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A handler that takes and returns objects: the request JSON is deserialised into the input type, the result
 * serialised from the output type, with the messages Lambda's Java runtime uses when either fails.
 */
final class PojoHandlerAdapter implements HandlerAdapter {
    private static final byte[] JSON_NULL = "null".getBytes(StandardCharsets.US_ASCII);

    /** The call itself: a RequestHandler through its interface, or a plain method through reflection. */
    interface PojoCall {
        Object call(Object input, Context context) throws Throwable;
    }

    private final PojoCall call;
    private final SerializationLibrary.EventSerializer inputSerializer;
    private final SerializationLibrary.EventSerializer outputSerializer;

    /** A null serializer means: no input (the handler takes none) / no output (void: the response is {@code null}). */
    PojoHandlerAdapter(PojoCall call, SerializationLibrary.EventSerializer inputSerializer,
                       SerializationLibrary.EventSerializer outputSerializer) {
        this.call = call;
        this.inputSerializer = inputSerializer;
        this.outputSerializer = outputSerializer;
    }

    @Override
    public byte[] handle(byte[] request, Context context) throws Throwable {
        Object input = null;
        if (inputSerializer != null) {
            try {
                input = inputSerializer.fromJson(new ByteArrayInputStream(request));
            } catch (Throwable parseFailure) {
                throw new RuntimeException("An error occurred during JSON parsing", StackTraces.filtered(parseFailure));
            }
        }
        Object output = call.call(input, context);
        if (outputSerializer == null) {
            return JSON_NULL;
        }
        try {
            ByteArrayOutputStream response = new ByteArrayOutputStream(256);
            outputSerializer.toJson(output, response);
            return response.toByteArray();
        } catch (Throwable writeFailure) {
            throw new RuntimeException("An error occurred during JSON serialization of response", writeFailure);
        }
    }
}
