package appliance.engine.jsonata;

/**
 * Raised by a function Step Functions adds to JSONata ({@code $partition}, {@code $hash}, ...) when its
 * arguments cannot be used. The message is the text that ends the States.QueryEvaluationError cause.
 */
final class JsonataFunctionException extends RuntimeException {

    JsonataFunctionException(String message) {
        super(message, null, false, false);
    }
}
