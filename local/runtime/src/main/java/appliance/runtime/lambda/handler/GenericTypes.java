package appliance.runtime.lambda.handler;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.HashMap;
import java.util.Map;

/**
 * Finds the actual type arguments a class gives a generic interface, following superclasses and super-interfaces
 * and substituting type variables on the way: {@code class B extends A<Order>}, {@code class A<T> implements
 * RequestHandler<T, String>} gives {@code [Order, String]} for RequestHandler.
 */
final class GenericTypes {
    private GenericTypes() {
    }

    /** The type arguments, or null when the class implements the interface only raw. */
    static Type[] typeArguments(Class<?> start, Class<?> genericInterface) {
        return search(start, genericInterface, Map.of());
    }

    private static Type[] search(Type type, Class<?> target, Map<TypeVariable<?>, Type> outer) {
        Class<?> raw;
        Map<TypeVariable<?>, Type> bindings = new HashMap<>();
        if (type instanceof ParameterizedType parameterized) {
            raw = (Class<?>) parameterized.getRawType();
            TypeVariable<?>[] variables = raw.getTypeParameters();
            Type[] arguments = parameterized.getActualTypeArguments();
            for (int i = 0; i < variables.length; i++) {
                bindings.put(variables[i], substitute(arguments[i], outer));
            }
        } else if (type instanceof Class<?> plain) {
            raw = plain;
        } else {
            return null;
        }
        if (raw == target) {
            if (!(type instanceof ParameterizedType)) {
                return null;
            }
            TypeVariable<?>[] variables = raw.getTypeParameters();
            Type[] resolved = new Type[variables.length];
            for (int i = 0; i < variables.length; i++) {
                resolved[i] = bindings.get(variables[i]);
            }
            return resolved;
        }
        for (Type superInterface : raw.getGenericInterfaces()) {
            Type[] found = search(superInterface, target, bindings);
            if (found != null) {
                return found;
            }
        }
        Type superclass = raw.getGenericSuperclass();
        return superclass == null ? null : search(superclass, target, bindings);
    }

    private static Type substitute(Type type, Map<TypeVariable<?>, Type> bindings) {
        if (type instanceof TypeVariable<?> variable && bindings.containsKey(variable)) {
            return bindings.get(variable);
        }
        return type;
    }
}
