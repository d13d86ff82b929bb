package appliance.runtime.lambda.handler;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;

/** Builds a handler's instance with its public no-argument constructor, with Lambda's messages when it cannot. */
final class HandlerInstances {
    private HandlerInstances() {
    }

    /** The handler instance, built once per environment (a throwing constructor fails the init). */
    static Object construct(Class<?> handlerClass) {
        Constructor<?> constructor;
        try {
            constructor = handlerClass.getConstructor();
        } catch (NoSuchMethodException missing) {
            if (handlerClass.getEnclosingClass() != null && !Modifier.isStatic(handlerClass.getModifiers())) {
                throw new HandlerFault("Class " + handlerClass.getName()
                        + " cannot be instantiated because it is a non-static inner class",
                        "java.lang.Exception", null, false);
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
}
