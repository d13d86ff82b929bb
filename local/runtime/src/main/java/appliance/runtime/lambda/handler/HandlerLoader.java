package appliance.runtime.lambda.handler;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;

/**
 * Resolves a handler string the way Lambda's Java runtime does, loading the class (running its static initialiser)
 * and constructing the handler once: this is the function's init.
 *
 * <ul>
 * <li>{@code package.Class}: the class implements RequestStreamHandler or RequestHandler&lt;I, O&gt; (I and O
 *     found from the generic interface, through superclasses); {@code handleRequest} is called.</li>
 * <li>{@code package.Class::method}: a public method of that name, see {@link MethodHandlers}.</li>
 * </ul>
 * Problems are {@link HandlerFault}s with Lambda's messages.
 */
public final class HandlerLoader {
    private HandlerLoader() {
    }

    /**
     * Loads the handler: returns an adapter, or throws a fatal {@link HandlerFault} (init failed). A non-fatal
     * problem gives an adapter that reports the fault on every call, as Lambda does.
     */
    public static HandlerAdapter load(String handler, ClassLoader functionLoader, SerializationLibrary serialization) {
        int separator = handler.lastIndexOf("::");
        String className = separator < 0 ? handler : handler.substring(0, separator);
        String methodName = separator < 0 ? null : handler.substring(separator + 2);
        if (className.isEmpty() || (methodName != null && methodName.isEmpty())) {
            return failing(HandlerFault.of("Invalid handler: `" + handler + "'"));
        }
        Class<?> handlerClass;
        try {
            handlerClass = Class.forName(className, true, functionLoader);
        } catch (ClassNotFoundException notFound) {
            return failing(new HandlerFault("Class not found: " + className, notFound.getClass().getName(),
                    StackTraces.printed(notFound), false));
        } catch (NoClassDefFoundError linkage) {
            return failing(loadingFault(linkage, className, false));
        } catch (Throwable initializerFailed) {
            throw loadingFault(initializerFailed, className, true);
        }
        try {
            return methodName == null
                    ? loadInterfaceHandler(handlerClass, serialization)
                    : MethodHandlers.load(handlerClass, methodName, serialization);
        } catch (HandlerFault fault) {
            if (fault.fatal()) {
                throw fault;
            }
            return failing(fault);
        }
    }

    private static HandlerFault loadingFault(Throwable failure, String className, boolean fatal) {
        String detail = failure.getMessage() == null ? "" : ": " + failure.getMessage();
        return new HandlerFault("Error loading class " + className + detail, failure.getClass().getName(),
                StackTraces.printed(failure), fatal);
    }

    private static HandlerAdapter failing(HandlerFault fault) {
        return (request, context) -> {
            throw fault;
        };
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static HandlerAdapter loadInterfaceHandler(Class<?> handlerClass, SerializationLibrary serialization) {
        ClassLoader loader = handlerClass.getClassLoader();
        if (RequestStreamHandler.class.isAssignableFrom(handlerClass)) {
            RequestStreamHandler instance = (RequestStreamHandler) HandlerInstances.construct(handlerClass);
            return new StreamHandlerAdapter(instance::handleRequest);
        }
        if (RequestHandler.class.isAssignableFrom(handlerClass)) {
            Type[] types = GenericTypes.typeArguments(handlerClass, RequestHandler.class);
            if (types == null) {
                throw HandlerFault.of("Class " + handlerClass.getName()
                        + " does not implement RequestHandler with concrete type parameters");
            }
            for (Type type : types) {
                if (type instanceof TypeVariable<?> variable && !hasBound(variable)) {
                    throw HandlerFault.of("Class " + handlerClass.getName()
                            + " does not implement RequestHandler with concrete type parameters: parameter "
                            + variable + " has no upper bound.");
                }
            }
            RequestHandler instance = (RequestHandler) HandlerInstances.construct(handlerClass);
            return new PojoHandlerAdapter(instance::handleRequest,
                    serialization.serializerFor(types[0], loader),
                    SerializationLibrary.isVoid(types[1]) ? null : serialization.serializerFor(types[1], loader));
        }
        throw HandlerFault.of("Class does not implement an appropriate handler interface: " + handlerClass.getName());
    }

    private static boolean hasBound(TypeVariable<?> variable) {
        for (Type bound : variable.getBounds()) {
            if (bound != Object.class) {
                return true;
            }
        }
        return false;
    }
}
