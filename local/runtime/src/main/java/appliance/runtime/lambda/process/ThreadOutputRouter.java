package appliance.runtime.lambda.process;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Captures what a function prints. Installed once, it replaces System.out and System.err by streams that send the
 * bytes of a thread bound to a {@link Target} (a function's environment thread, and the threads it starts) to that
 * target, and everything else to the original streams, so the runtime's own output is untouched.
 */
public final class ThreadOutputRouter {

    /** Where a bound thread's output goes. */
    public interface Target {
        void write(boolean standardError, byte[] bytes, int offset, int length);
    }

    private static final InheritableThreadLocal<Target> BOUND = new InheritableThreadLocal<>();
    private static boolean installed;

    private ThreadOutputRouter() {
    }

    public static synchronized void install() {
        if (installed) {
            return;
        }
        System.setOut(new PrintStream(new Routing(System.out, false), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Routing(System.err, true), true, StandardCharsets.UTF_8));
        installed = true;
    }

    public static void bindCurrentThread(Target target) {
        BOUND.set(target);
    }

    private static final class Routing extends OutputStream {
        private final PrintStream original;
        private final boolean standardError;

        Routing(PrintStream original, boolean standardError) {
            this.original = original;
            this.standardError = standardError;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            Target target = BOUND.get();
            if (target == null) {
                original.write(bytes, offset, length);
            } else {
                target.write(standardError, bytes, offset, length);
            }
        }

        @Override
        public void flush() {
            if (BOUND.get() == null) {
                original.flush();
            }
        }
    }
}
