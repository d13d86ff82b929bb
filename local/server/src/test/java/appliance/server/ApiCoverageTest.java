package appliance.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.SfnRequest;

/**
 * Every action of the Step Functions API, as the pinned AWS SDK's model knows them, is answered: an empty
 * request gets the action's own answer or its validation error, never UnknownOperation. A new SDK that
 * adds an action fails this test until the server answers it (and the READMEs' API lists say so).
 */
class ApiCoverageTest {

    @Test
    void every_action_of_the_sdk_model_is_answered() throws Exception {
        Set<String> actions = new TreeSet<>();
        for (Method method : SfnClient.class.getMethods()) {
            Class<?>[] parameters = method.getParameterTypes();
            if (parameters.length == 1 && SfnRequest.class.isAssignableFrom(parameters[0])) {
                actions.add(parameters[0].getSimpleName().replaceFirst("Request$", ""));
            }
        }
        List<String> unanswered = new ArrayList<>();
        try (ServerFixture fixture = new ServerFixture()) {
            fixture.server.activityPollLimit(java.time.Duration.ZERO);
            HttpClient http = HttpClient.newHttpClient();
            for (String action : actions) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(fixture.server.endpoint() + "/"))
                        .header("X-Amz-Target", "AWSStepFunctions." + action)
                        .header("Content-Type", AwsJsonHandler.CONTENT_TYPE)
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
                if (response.body().contains("UnknownOperation")) {
                    unanswered.add(action);
                }
            }
        }

        assertThat(actions).as("the SDK model's actions").hasSizeGreaterThanOrEqualTo(37);
        assertThat(unanswered).as("actions answered UnknownOperation").isEmpty();
    }
}
