package appliance.runtime.lambda;

import appliance.runtime.lambda.fixtures.ExitingHandler;
import com.fasterxml.jackson.databind.node.IntNode;

/** A JVM of its own for {@link JvmExitTest}: invokes ExitingHandler in-process with status 3. */
final class InProcessExitMain {
    private InProcessExitMain() {
    }

    public static void main(String[] args) {
        LocalLambdaRuntime runtime = new LocalLambdaRuntime();
        runtime.register(FixtureFunctions.function("quitter", ExitingHandler.class.getName()));
        runtime.invoke("quitter", IntNode.valueOf(3));
        System.out.println("the command went on");
    }
}
