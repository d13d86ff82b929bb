package appliance.runtime.lambda;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Names the function when an in-process handler ends the JVM (System.exit, Runtime.halt aside): a shutdown hook
 * looks for an execution environment's thread that is inside {@code Runtime.exit} and says, on the process's real
 * stderr, which function did it and that {@code --isolation process} would have kept the command running. The exit
 * itself cannot be refused without a SecurityManager (deprecated for removal), so the command still ends, with the
 * handler's status, but never silently.
 */
final class JvmExitGuard {
    private static final Map<Thread, String> ENVIRONMENT_THREADS = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(JvmExitGuard::reportExitingFunction, "lambda-exit-guard"));
    }

    private JvmExitGuard() {
    }

    static void watch(Thread environmentThread, String functionName) {
        ENVIRONMENT_THREADS.put(environmentThread, functionName);
    }

    static void forget(Thread environmentThread) {
        ENVIRONMENT_THREADS.remove(environmentThread);
    }

    private static void reportExitingFunction() {
        ENVIRONMENT_THREADS.forEach((thread, function) -> {
            if (callsExit(thread)) {
                PrintStream stderr = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
                stderr.println(message(function));
            }
        });
    }

    static String message(String function) {
        return "Lambda function " + function + " ended the JVM (System.exit) while it ran in-process, and this command"
                + " with it. On Lambda only its execution environment would end (Runtime.ExitError);"
                + " run with --isolation process to give each function a process of its own.";
    }

    private static boolean callsExit(Thread thread) {
        for (StackTraceElement frame : thread.getStackTrace()) {
            if (frame.getClassName().equals("java.lang.Runtime") && frame.getMethodName().equals("exit")
                    || frame.getClassName().equals("java.lang.Shutdown")) {
                return true;
            }
        }
        return false;
    }
}
