package appliance.runtime.lambda.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Resolves a handler string the way Lambda's Java runtime does, loading the class (running its static initialiser)
 * and constructing the handler once: this is the function's init.
 *
 * <ul>
 * <li>{@code package.Class}: the class implements RequestStreamHandler or RequestHandler&lt;I, O&gt; (I and O
 *     found from the generic interface, through superclasses); {@code handleRequest} is called.</li>
 * <li>{@code package.Class::method}: the public methods of that name, best first: non-bridge before bridge, then
 *     more parameters first, a trailing Context counting one extra. The first with a supported signature wins:
 *     {@code ()}, {@code (I)}, {@code (Context)}, {@code (I, Context)}, {@code (InputStream)},
 *     {@code (OutputStream)}, {@code (InputStream, OutputStream)}, {@code (InputStream, Context)},
 *     {@code (OutputStream, Context)}, {@code (InputStream, OutputStream, Context)}. Static methods need no
 *     instance; otherwise the class's public no-argument constructor is called once.</li>
 * </ul>
 * Problems are {@link HandlerFault}s with Lambda's messages.
 */
public final class HandlerLoader {
    private static final Comparator<Method> BEST_FIRST = Comparator
            .comparing(Method::isBridge)
            .thenComparing(Comparator.comparingInt(HandlerLoader::weight).reversed());

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
                    : loadMethodHandler(handlerClass, methodName, serialization);
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
            RequestStreamHandler instance = (RequestStreamHandler) construct(handlerClass);
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
            RequestHandler instance = (RequestHandler) construct(handlerClass);
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

    private static HandlerAdapter loadMethodHandler(Class<?> handlerClass, String methodName,
                                                    SerializationLibrary serialization) {
        Method[] publicMethods;
        try {
            publicMethods = handlerClass.getMethods();
        } catch (NoClassDefFoundError missing) {
            throw new HandlerFault("Error loading method " + methodName + " on class " + handlerClass.getName(),
                    missing.getClass().getName(), StackTraces.printed(missing), false);
        }
        List<Method> candidates = new ArrayList<>();
        for (Method method : publicMethods) {
            if (method.getName().equals(methodName)) {
                candidates.add(method);
            }
        }
        candidates.sort(BEST_FIRST);
        for (Method method : candidates) {
            HandlerAdapter adapter = adapterFor(handlerClass, method, serialization);
            if (adapter != null) {
                return adapter;
            }
        }
        throw HandlerFault.of("No public method named " + methodName
                + " with appropriate method signature found on class " + handlerClass.getName());
    }

    /** The adapter for one overload, or null when its signature is not one Lambda supports. */
    private static HandlerAdapter adapterFor(Class<?> handlerClass, Method method, SerializationLibrary serialization) {
        Type[] parameters = method.getGenericParameterTypes();
        Type result = method.getGenericReturnType();
        switch (parameters.length) {
            case 0:
                return pojoMethod(handlerClass, method, null, result, false, serialization);
            case 1:
                if (parameters[0] == InputStream.class) {
                    return streamMethod(handlerClass, method, true, false, false);
                } else if (parameters[0] == OutputStream.class) {
                    return streamMethod(handlerClass, method, false, true, false);
                } else if (parameters[0] == Context.class) {
                    return pojoMethod(handlerClass, method, null, result, true, serialization);
                }
                return pojoMethod(handlerClass, method, parameters[0], result, false, serialization);
            case 2:
                if (parameters[0] == OutputStream.class) {
                    return parameters[1] == Context.class ? streamMethod(handlerClass, method, false, true, true) : null;
                } else if (parameters[0] == Context.class) {
                    return null;
                } else if (parameters[0] == InputStream.class) {
                    if (parameters[1] == OutputStream.class) {
                        return streamMethod(handlerClass, method, true, true, false);
                    }
                    return parameters[1] == Context.class ? streamMethod(handlerClass, method, true, false, true) : null;
                }
                return parameters[1] == Context.class ? pojoMethod(handlerClass, method, parameters[0], result, true, serialization) : null;
            case 3:
                boolean streams = parameters[0] == InputStream.class && parameters[1] == OutputStream.class
                        && parameters[2] == Context.class;
                return streams ? streamMethod(handlerClass, method, true, true, true) : null;
            default:
                return null;
        }
    }

    private static HandlerAdapter pojoMethod(Class<?> handlerClass, Method method, Type input, Type result,
                                             boolean takesContext, SerializationLibrary serialization) {
        Object instance = instanceFor(handlerClass, method);
        ClassLoader loader = handlerClass.getClassLoader();
        PojoHandlerAdapter.PojoCall call = (value, context) -> {
            Object[] arguments = new Object[(input == null ? 0 : 1) + (takesContext ? 1 : 0)];
            int next = 0;
            if (input != null) {
                arguments[next++] = value;
            }
            if (takesContext) {
                arguments[next] = context;
            }
            return invoke(method, instance, arguments);
        };
        return new PojoHandlerAdapter(call,
                input == null ? null : serialization.serializerFor(input, loader),
                SerializationLibrary.isVoid(result) ? null : serialization.serializerFor(result, loader));
    }

    private static HandlerAdapter streamMethod(Class<?> handlerClass, Method method, boolean takesInput,
                                               boolean takesOutput, boolean takesContext) {
        Object instance = instanceFor(handlerClass, method);
        return new StreamHandlerAdapter((input, output, context) -> {
            List<Object> arguments = new ArrayList<>(3);
            if (takesInput) {
                arguments.add(input);
            }
            if (takesOutput) {
                arguments.add(output);
            }
            if (takesContext) {
                arguments.add(context);
            }
            invoke(method, instance, arguments.toArray());
        });
    }

    private static Object invoke(Method method, Object instance, Object[] arguments) throws Throwable {
        try {
            return method.invoke(instance, arguments);
        } catch (InvocationTargetException thrown) {
            throw thrown.getCause() == null ? thrown : thrown.getCause();
        }
    }

    private static Object instanceFor(Class<?> handlerClass, Method method) {
        return Modifier.isStatic(method.getModifiers()) ? null : construct(handlerClass);
    }

    /** The handler instance, built once per environment (a throwing constructor fails the init). */
    private static Object construct(Class<?> handlerClass) {
        Constructor<?> constructor;
        try {
            constructor = handlerClass.getConstructor();
        } catch (NoSuchMethodException missing) {
            if (handlerClass.getEnclosingClass() != null && !Modifier.isStatic(handlerClass.getModifiers())) {
                throw new HandlerFault("Class " + handlerClass.getName()
                        + " cannot be instantiated because it is a non-static inner class", "java.lang.Exception", null, false);
            }
            throw new HandlerFault("Class " + handlerClass.getName() + " has no public zero-argument constructor",
                    "java.lang.Exception", null, false);
        }
        try {
            return constructor.newInstance();
        } catch (InvocationTargetException thrown) {
            throw HandlerFault.from(thrown.getCause() == null ? thrown : thrown.getCause(), true);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError failure) {
            throw HandlerFault.from(failure, true);
        }
    }

    private static int weight(Method method) {
        Class<?>[] parameters = method.getParameterTypes();
        boolean endsWithContext = parameters.length > 0 && parameters[parameters.length - 1] == Context.class;
        return parameters.length + (endsWithContext ? 1 : 0);
    }
}
