package appliance.runtime.lambda.handler;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.lang.reflect.Type;

/**
 * Picks the serializer Lambda's Java runtime picks for a handler's input or output type: the event serializers
 * (with their mixins, e.g. SNSEvent's capitalised {@code Sns}/{@code TopicArn} fields) for aws-lambda-java-events
 * classes, otherwise the library's Jackson-based POJO serializer (which also handles String, Map, List, numbers).
 */
final class EventSerializers {
    private EventSerializers() {
    }

    @SuppressWarnings("unchecked")
    static PojoSerializer<Object> forType(Type type, ClassLoader functionLoader) {
        if (type instanceof Class<?> eventClass && LambdaEventSerializers.isLambdaSupportedEvent(eventClass.getName())) {
            // The event classes are the function's own (its aws-lambda-java-events jar), so their nested classes
            // must be looked up in the function's class loader.
            return (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(eventClass, functionLoader);
        }
        return JacksonFactory.getInstance().getSerializer(type);
    }

    static boolean isVoid(Type type) {
        return type == void.class || type == Void.class;
    }
}
