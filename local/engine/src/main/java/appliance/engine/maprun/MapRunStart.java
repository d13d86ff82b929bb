package appliance.engine.maprun;

import appliance.engine.definition.StateMachineDefinition;
import appliance.engine.run.ExecutionIdentity;

/**
 * What a Map Run starts with: its ARN ({@code arn:aws:states:REGION:ACCOUNT:mapRun:MACHINE/LABEL:ID}),
 * the parent execution, the processor every child runs (compiled, and as written), the children's type (STANDARD or EXPRESS), the
 * number of items and the settings read from the state.
 */
public record MapRunStart(
        String mapRunArn,
        String label,
        ExecutionIdentity parent,
        StateMachineDefinition processor,
        String processorText,
        String executionType,
        int itemCount,
        MapRunSettings settings) {
}
