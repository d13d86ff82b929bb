package appliance.runtime.lambda.handler;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;

/**
 * Lambda's serialization library (aws-lambda-java-serialization), loaded afresh for one execution environment.
 *
 * <p>Why not the runtime's own copy: the library keeps per-JVM static state that assumes a single function class
 * loader, as on Lambda where each environment is its own JVM. {@code SerializeUtil} caches customer classes by
 * name (the first environment's {@code org.joda.time.DateTime} would be handed to every later one, and their
 * SNSEvent/ScheduledEvent timestamps would fail to deserialise), and {@code JacksonFactory}'s singleton mapper
 * caches (de)serializers for every class it has seen. A private copy per environment keeps all of that per
 * environment and lets it go with the environment.
 *
 * <p>Only the library's own packages (and its shaded Jackson) are loaded from its jar, so even when the runtime runs
 * from one big jar nothing else of the runtime leaks in. It is loaded lazily: stream handlers never need it.
 */
public final class SerializationLibrary implements Closeable {
    private static final URL LOCATION = codeLocation();
    private static final String[] OWN_PACKAGES = {
        "com.amazonaws.services.lambda.runtime.serialization.", "com.amazonaws.lambda.thirdparty."};

    /** A serializer of the library, called through method handles (its types live in another class loader). */
    interface EventSerializer {
        Object fromJson(InputStream input) throws Throwable;

        void toJson(Object value, OutputStream output) throws Throwable;
    }

    private Library library;

    /** Nothing is loaded until a handler needs a serializer. */
    public SerializationLibrary() {
    }

    static boolean isVoid(Type type) {
        return type == void.class || type == Void.class;
    }

    /**
     * The serializer Lambda's Java runtime picks for a handler's input or output type: the event serializers (with
     * their mixins, e.g. SNSEvent's capitalised {@code Sns}/{@code TopicArn}) for aws-lambda-java-events classes,
     * otherwise the library's Jackson-based POJO serializer (which also reads String, Map, List, numbers).
     */
    EventSerializer serializerFor(Type type, ClassLoader functionLoader) {
        Library loaded = library();
        try {
            Object serializer;
            if (type instanceof Class<?> eventClass && (boolean) loaded.isSupportedEvent.invoke(eventClass.getName())) {
                // The event classes are the function's own (its aws-lambda-java-events jar), so their nested
                // classes and joda-time must be looked up in the function's class loader.
                serializer = loaded.eventSerializerFor.invoke(eventClass, functionLoader);
            } else {
                serializer = loaded.jacksonSerializerFor.invoke(loaded.jacksonFactory, type);
            }
            return new EventSerializer() {
                @Override
                public Object fromJson(InputStream input) throws Throwable {
                    return loaded.fromJson.invoke(serializer, input);
                }

                @Override
                public void toJson(Object value, OutputStream output) throws Throwable {
                    loaded.toJson.invoke(serializer, value, output);
                }
            };
        } catch (RuntimeException | Error failure) {
            throw failure;
        } catch (Throwable checked) {
            throw new IllegalStateException("Lambda's serialization library failed to build a serializer for " + type,
                    checked);
        }
    }

    private Library library() {
        if (library == null) {
            library = Library.load();
        }
        return library;
    }

    @Override
    public void close() throws IOException {
        if (library != null) {
            library.loader.close();
        }
    }

    private record Library(URLClassLoader loader, MethodHandle isSupportedEvent, MethodHandle eventSerializerFor,
                           Object jacksonFactory, MethodHandle jacksonSerializerFor, MethodHandle fromJson,
                           MethodHandle toJson) {

        static Library load() {
            URLClassLoader loader = new OwnPackagesLoader();
            try {
                MethodHandles.Lookup lookup = MethodHandles.publicLookup();
                Class<?> events = loader.loadClass(
                        "com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers");
                Class<?> factory = loader.loadClass(
                        "com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory");
                Class<?> serializer = loader.loadClass(
                        "com.amazonaws.services.lambda.runtime.serialization.PojoSerializer");
                return new Library(loader,
                        lookup.findStatic(events, "isLambdaSupportedEvent", MethodType.methodType(boolean.class, String.class)),
                        lookup.findStatic(events, "serializerFor",
                                MethodType.methodType(serializer, Class.class, ClassLoader.class)),
                        lookup.findStatic(factory, "getInstance", MethodType.methodType(factory)).invoke(),
                        lookup.findVirtual(factory, "getSerializer", MethodType.methodType(serializer, Type.class)),
                        lookup.findVirtual(serializer, "fromJson", MethodType.methodType(Object.class, InputStream.class)),
                        lookup.findVirtual(serializer, "toJson",
                                MethodType.methodType(void.class, Object.class, OutputStream.class)));
            } catch (Throwable failure) {
                throw new IllegalStateException("Cannot load Lambda's serialization library from " + LOCATION, failure);
            }
        }
    }

    /** Loads the library's packages from its jar, the JDK from the platform loader, and nothing else. */
    private static final class OwnPackagesLoader extends URLClassLoader {
        static {
            registerAsParallelCapable();
        }

        OwnPackagesLoader() {
            super(new URL[] {LOCATION}, ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            for (String ownPackage : OWN_PACKAGES) {
                if (name.startsWith(ownPackage)) {
                    synchronized (getClassLoadingLock(name)) {
                        Class<?> loaded = findLoadedClass(name);
                        if (loaded == null) {
                            loaded = findClass(name);
                        }
                        if (resolve) {
                            resolveClass(loaded);
                        }
                        return loaded;
                    }
                }
            }
            return getParent().loadClass(name);
        }
    }

    private static URL codeLocation() {
        try {
            return LambdaEventSerializers.class.getProtectionDomain().getCodeSource().getLocation().toURI().toURL();
        } catch (URISyntaxException | java.net.MalformedURLException impossible) {
            throw new IllegalStateException("Cannot locate aws-lambda-java-serialization", impossible);
        }
    }
}
