/**
 * Hybrid mode, as AWS Step Functions Local has it with {@code LAMBDA_ENDPOINT} and {@code SNS_ENDPOINT}:
 * the workflow runs here, but its Lambda tasks and {@code sns:publish} tasks go to a real endpoint (for
 * example {@code sam local start-lambda} on {@code http://127.0.0.1:3001}) through the AWS SDK v2 clients,
 * and their answers are reported as Step Functions reports them.
 * <ul>
 * <li>{@link appliance.runtime.hybrid.HybridEndpoints}: the endpoints asked for, validated;</li>
 * <li>{@link appliance.runtime.hybrid.RemoteLambdaFunctions}: the functions the engine's
 *     {@code LambdaTaskInvoker} calls, each call a Lambda {@code Invoke};</li>
 * <li>{@link appliance.runtime.hybrid.RemoteSnsPublisher}: {@code arn:aws:states:::sns:publish} as an SNS
 *     {@code Publish}.</li>
 * </ul>
 */
package appliance.runtime.hybrid;
