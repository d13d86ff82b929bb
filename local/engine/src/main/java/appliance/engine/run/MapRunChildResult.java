package appliance.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** How one child execution of a Map Run ended, for ResultWriter's files. */
record MapRunChildResult(ExecutionIdentity identity, JsonNode input, ExecutionResult result, Instant startDate,
        Instant stopDate) {
}
