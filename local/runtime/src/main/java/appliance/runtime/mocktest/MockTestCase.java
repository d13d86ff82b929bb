package appliance.runtime.mocktest;

import com.fasterxml.jackson.databind.JsonNode;

/** A test case of the mock config, with the input it runs on and, when known, what it must end in. */
public record MockTestCase(String name, JsonNode input, Expectation expectation) {
}
