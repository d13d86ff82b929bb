package appliance.runtime.hybrid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HybridEndpointsTest {

    @Test
    void http_and_https_urls_are_taken_and_a_missing_one_is_absent() {
        HybridEndpoints endpoints = HybridEndpoints.of("http://127.0.0.1:3001", null);
        HybridEndpoints both = HybridEndpoints.of(" https://sns.us-east-1.amazonaws.com ", "http://localhost:4566/");

        assertThat(endpoints.lambdaEndpoint()).contains(URI.create("http://127.0.0.1:3001"));
        assertThat(endpoints.snsEndpoint()).isEmpty();
        assertThat(both.lambdaEndpoint()).contains(URI.create("https://sns.us-east-1.amazonaws.com"));
        assertThat(both.snsEndpoint()).contains(URI.create("http://localhost:4566/"));
        assertThat(endpoints.isEmpty()).isFalse();
    }

    @Test
    void blank_urls_and_none_mean_no_hybrid_mode() {
        assertThat(HybridEndpoints.of("", "  ").isEmpty()).isTrue();
        assertThat(HybridEndpoints.none().isEmpty()).isTrue();
        assertThat(new HybridEndpoints(null, null).isEmpty()).isTrue();
    }

    @Test
    void a_url_without_http_scheme_is_refused_with_a_message_naming_the_endpoint() {
        assertThatThrownBy(() -> HybridEndpoints.of("localhost:3001", null))
                .isInstanceOf(InvalidEndpointException.class)
                .hasMessage("The Lambda endpoint 'localhost:3001' cannot be used: it must start with http:// or "
                        + "https:// (for example http://127.0.0.1:3001)");
        assertThatThrownBy(() -> HybridEndpoints.of(null, "ftp://127.0.0.1:21"))
                .hasMessageStartingWith("The SNS endpoint 'ftp://127.0.0.1:21' cannot be used: it must start with");
    }

    @Test
    void a_url_that_does_not_parse_or_names_no_host_is_refused() {
        assertThatThrownBy(() -> HybridEndpoints.of("http://127.0.0.1:3001/a b", null))
                .isInstanceOf(InvalidEndpointException.class)
                .hasMessageContaining("'http://127.0.0.1:3001/a b'")
                .hasMessageContaining("is not a valid URL");
        assertThatThrownBy(() -> HybridEndpoints.of("http:///path", null))
                .hasMessageContaining("it names no host");
        assertThatThrownBy(() -> new HybridEndpoints(Optional.of(URI.create("http://h:1/?x=1")), Optional.empty()))
                .hasMessageContaining("no query or fragment");
    }
}
