package appliance.runtime.lambda.handler;

import com.amazonaws.services.lambda.runtime.Context;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;

/** A handler that reads the request bytes and writes the response bytes itself; the response is what it wrote. */
final class StreamHandlerAdapter implements HandlerAdapter {

    /** The call itself: a RequestStreamHandler through its interface, or a plain stream method. */
    interface StreamCall {
        void call(InputStream input, OutputStream output, Context context) throws Throwable;
    }

    private final StreamCall call;

    StreamHandlerAdapter(StreamCall call) {
        this.call = call;
    }

    @Override
    public byte[] handle(byte[] request, Context context) throws Throwable {
        ByteArrayOutputStream response = new ByteArrayOutputStream(256);
        call.call(new ByteArrayInputStream(request), response, context);
        return response.toByteArray();
    }
}
