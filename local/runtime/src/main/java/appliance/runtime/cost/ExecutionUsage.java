package appliance.runtime.cost;

import java.util.List;

/**
 * What one execution used, as AWS meters it.
 *
 * @param stateTransitions states entered, retries included (what a Standard workflow is billed by)
 * @param durationMillis from the execution's start to its end (what an Express workflow is billed by)
 * @param definitionBytes the size of the state machine definition (part of an Express workflow's memory)
 * @param largestPayloadBytes the largest state input or output of the execution
 * @param lambdaInvocations each Lambda invocation, billed on its own
 * @param snsPublishes each SNS publish, with the deliveries it fanned out to
 */
public record ExecutionUsage(
        int stateTransitions,
        long durationMillis,
        int definitionBytes,
        int largestPayloadBytes,
        List<LambdaInvocation> lambdaInvocations,
        List<SnsPublish> snsPublishes) {

    public ExecutionUsage {
        lambdaInvocations = List.copyOf(lambdaInvocations);
        snsPublishes = List.copyOf(snsPublishes);
    }

    /** One Lambda invocation: billed duration (whole milliseconds), configured memory and architecture. */
    public record LambdaInvocation(long billedMillis, int memoryMb, String architecture) {
    }

    /** One SNS publish: the message's size and the protocol of each subscription it was delivered to. */
    public record SnsPublish(int messageBytes, List<String> deliveryProtocols) {

        public SnsPublish {
            deliveryProtocols = List.copyOf(deliveryProtocols);
        }
    }
}
