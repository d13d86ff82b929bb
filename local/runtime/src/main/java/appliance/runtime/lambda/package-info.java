/**
 * AWS Lambda on this machine, with Lambda's semantics: Java functions in-process, or any function (Java, Node.js,
 * Python, {@code bootstrap}) in a process of its own through the Lambda Runtime API
 * ({@link appliance.runtime.lambda.LambdaIsolation}, {@link appliance.runtime.lambda.runtimeapi.RuntimeApiServer}).
 *
 * <pre>{@code
 * LocalLambdaRuntime lambda = new LocalLambdaRuntime(LambdaRuntimeOptions.defaults().withLogSink(printer));
 * lambda.register(new LambdaFunctionConfig("ClassifierFunction", "appliance-classifier",
 *         "appliance.classifier.ClassifyCookHandler::handleRequest",
 *         FunctionModuleClasspath.of(Path.of("functions/classifier")),
 *         512, 10, Map.of(), null, "arm64", "java21", "live"));
 * LambdaInvocationResult result = lambda.invoke("arn:aws:lambda:us-east-1:123456789012:function:appliance-classifier:live", event);
 * }</pre>
 *
 * A function error is a result ({@link appliance.runtime.lambda.LambdaInvocationResult#error()}, payload = Lambda's
 * error document); a refused call (throttled, unknown function) throws
 * {@link appliance.runtime.lambda.LambdaServiceException}. The JVM needs
 * {@code --add-opens java.base/java.util=ALL-UNNAMED --add-opens java.base/java.lang=ALL-UNNAMED} (per-function
 * environment variables).
 *
 * <p>Each execution environment is a thread with its own class loader (the function's classpath, the JDK, and the
 * shared aws-lambda-java-core API), its own copy of Lambda's serialization library, and its own environment
 * variables; see {@link appliance.runtime.lambda.FunctionClassLoader} and
 * {@link appliance.runtime.lambda.handler.SerializationLibrary} for why.
 */
package appliance.runtime.lambda;
