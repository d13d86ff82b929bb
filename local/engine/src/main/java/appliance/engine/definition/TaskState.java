package appliance.engine.definition;

import appliance.engine.path.ReferencePath;

/**
 * {@code Task}: calls a resource through the engine's task invoker. Timeouts are fixed seconds or a
 * path read from the effective input (null when absent).
 */
public record TaskState(
        String name,
        Transition transition,
        Processing processing,
        ErrorHandling errorHandling,
        String resource,
        Integer timeoutSeconds,
        ReferencePath timeoutSecondsPath,
        Integer heartbeatSeconds,
        ReferencePath heartbeatSecondsPath) implements State {

    @Override
    public String type() {
        return "Task";
    }
}
