package appliance.runtime.hybrid;

import appliance.engine.error.StatesFailure;
import appliance.runtime.lambda.LambdaServiceException;
import java.net.URI;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.sns.model.SnsException;

/**
 * A refused or failed SDK call as the States error a Task reports for it. Step Functions names these
 * after the AWS SDK for Java v1 exception classes: a modelled error keeps its class name
 * ({@code Lambda.TooManyRequestsException}, {@code SNS.NotFoundException}); an unmodelled one is the
 * service's base class ({@code Lambda.AWSLambdaException}, {@code SNS.AmazonSNSException}); no answer at
 * all is {@code .SdkClientException} with the client's "Unable to execute HTTP request: ..." text.
 */
final class ServiceFailures {

    /** The v2 SDK appends the attempt count to its messages; Step Functions' causes do not have it. */
    private static final Pattern ATTEMPT_COUNT = Pattern.compile("\\s*\\(SDK Attempt Count: \\d+\\)$");

    private ServiceFailures() {
    }

    /**
     * Lambda refused the Invoke. The cause is the one the in-process runtime gives for the same refusal
     * ({@link LambdaServiceException#stepFunctionsCause()}), so both modes report a throttle alike, e.g.
     * {@code Rate Exceeded. (Service: AWSLambda; Status Code: 429; Error Code: TooManyRequestsException;
     * Request ID: ...; Proxy: null)}.
     */
    static StatesFailure lambda(LambdaException refused) {
        String name = refused.getClass() == LambdaException.class ? "AWSLambdaException" : exceptionName(refused);
        AwsErrorDetails details = refused.awsErrorDetails();
        String code = details == null || details.errorCode() == null ? name : details.errorCode();
        LambdaServiceException asLambdaReports = new LambdaServiceException(code, refused.statusCode(),
                message(refused), null, refused.requestId());
        return new StatesFailure("Lambda." + name, asLambdaReports.stepFunctionsCause());
    }

    /**
     * SNS refused the Publish. The cause is as the local SNS task gives it, e.g. {@code Topic does not
     * exist (Service: Sns, Status Code: 404, Request ID: ...)}.
     */
    static StatesFailure sns(SnsException refused) {
        String name = refused.getClass() == SnsException.class ? "AmazonSNSException" : exceptionName(refused);
        return new StatesFailure("SNS." + name, message(refused) + " (Service: Sns, Status Code: "
                + refused.statusCode() + ", Request ID: " + refused.requestId() + ")");
    }

    /**
     * The endpoint gave no answer (refused connection, unknown host, read timeout). The URL-connection
     * client's message does not say where it tried ("Connection refused"); the cause names the endpoint,
     * as the cause Step Functions reports does ("Connect to HOST:PORT failed: ..."), so a user sees which
     * --lambda-endpoint or --sns-endpoint is down.
     */
    static StatesFailure unreachable(String service, SdkClientException failure, Optional<URI> endpoint) {
        String message = failure.getMessage() == null ? "Unable to execute HTTP request" : failure.getMessage();
        message = ATTEMPT_COUNT.matcher(message).replaceFirst("");
        String prefix = "Unable to execute HTTP request: ";
        if (endpoint.isPresent() && message.startsWith(prefix) && !message.contains(endpoint.get().getHost())) {
            URI where = endpoint.get();
            message = prefix + "Connect to " + where.getHost() + ":" + where.getPort() + " failed: " + message.substring(prefix.length());
        }
        return new StatesFailure(service + ".SdkClientException", message);
    }

    private static String exceptionName(AwsServiceException refused) {
        return refused.getClass().getSimpleName();
    }

    private static String message(AwsServiceException refused) {
        AwsErrorDetails details = refused.awsErrorDetails();
        if (details != null && details.errorMessage() != null) {
            return details.errorMessage();
        }
        return details != null && details.errorCode() != null ? details.errorCode() : "Service error";
    }
}
