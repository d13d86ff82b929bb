package appliance.engine.definition;

/**
 * A runtime problem applying a path or template to data (a path that finds nothing, a value of the
 * wrong kind). It carries only AWS's detail text; the interpreter turns it into {@code States.Runtime}
 * with the "An error occurred while executing the state ..." prefix, which only it can know.
 */
public final class DataFlowException extends RuntimeException {

    public DataFlowException(String detail) {
        super(detail, null, false, false);
    }

    public String detail() {
        return getMessage();
    }
}
