package appliance.runtime.lambda.handler;

import com.amazonaws.services.lambda.runtime.Context;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Handlers named {@code package.Class::method}, resolved as Lambda's Java runtime does: the public methods of that
 * name, best first (non-bridge before bridge, then more parameters first, a trailing Context counting one extra);
 * the first with a supported signature wins: {@code ()}, {@code (I)}, {@code (Context)}, {@code (I, Context)},
 * {@code (InputStream)}, {@code (OutputStream)}, {@code (InputStream, OutputStream)}, {@code (InputStream, Context)},
 * {@code (OutputStream, Context)}, {@code (InputStream, OutputStream, Context)}. A static method needs no instance.
 */
final class MethodHandlers {
    private static final Comparator<Method> BEST_FIRST = Comparator
            .comparing(Method::isBridge)
            .thenComparing(Comparator.comparingInt(MethodHandlers::weight).reversed());

    private MethodHandlers() {
    }

    static HandlerAdapter load(Class<?> handlerClass, String methodName, SerializationLibrary serialization) {
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
        return Modifier.isStatic(method.getModifiers()) ? null : HandlerInstances.construct(handlerClass);
    }

    /** Parameters counted for preference; a trailing Context counts twice (Lambda keeps this for compatibility). */
    private static int weight(Method method) {
        Class<?>[] parameters = method.getParameterTypes();
        boolean endsWithContext = parameters.length > 0 && parameters[parameters.length - 1] == Context.class;
        return parameters.length + (endsWithContext ? 1 : 0);
    }
}
