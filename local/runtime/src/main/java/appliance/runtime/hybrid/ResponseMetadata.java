package appliance.runtime.hybrid;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.awscore.AwsResponse;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * What Step Functions adds to the result of an optimised integration ({@code sns:publish},
 * {@code sqs:sendMessage}, {@code dynamodb:getItem}, ...): {@code SdkHttpMetadata} (the response's
 * headers and status) and {@code SdkResponseMetadata} (its request id).
 */
final class ResponseMetadata {

    private ResponseMetadata() {
    }

    static ObjectNode addTo(ObjectNode result, AwsResponse response) {
        SdkHttpResponse http = response.sdkHttpResponse();
        ObjectNode metadata = result.putObject("SdkHttpMetadata");
        ObjectNode all = metadata.putObject("AllHttpHeaders");
        ObjectNode headers = metadata.putObject("HttpHeaders");
        for (Map.Entry<String, List<String>> header : http.headers().entrySet()) {
            if (header.getKey() == null || header.getValue().isEmpty()) {
                continue;
            }
            header.getValue().forEach(all.putArray(header.getKey())::add);
            headers.put(header.getKey(), header.getValue().get(0));
        }
        metadata.put("HttpStatusCode", http.statusCode());
        result.putObject("SdkResponseMetadata").put("RequestId", response.responseMetadata().requestId());
        return result;
    }
}
