package appliance.engine.definition;

import appliance.engine.path.ReferencePath;

/**
 * {@code Map}: runs its processor once per item of {@code ItemsPath}, at most {@code maxConcurrency} at a
 * time (0: no limit). {@code itemSelector} is {@code ItemSelector} or the older {@code Parameters} (null
 * when neither). Tolerated failures: fixed values or paths, null when absent. {@code distributed}: the
 * processor's {@code ProcessorConfig.Mode} is DISTRIBUTED (a Map Run); {@code label} its {@code Label}, or null.
 * The DISTRIBUTED-only fields: {@code executionType} ({@code ProcessorConfig.ExecutionType}, STANDARD unless
 * EXPRESS), {@code itemReader}, {@code itemBatcher}, {@code resultWriter} (null when absent), and
 * {@code processorText}, the ItemProcessor as written (its children's definition; null when INLINE).
 */
public record MapState(
        String name,
        Transition transition,
        Processing processing,
        ErrorHandling errorHandling,
        PathSelection itemsPath,
        PayloadTemplate itemSelector,
        StateMachineDefinition processor,
        int maxConcurrency,
        ReferencePath maxConcurrencyPath,
        Integer toleratedFailureCount,
        ReferencePath toleratedFailureCountPath,
        Double toleratedFailurePercentage,
        ReferencePath toleratedFailurePercentagePath,
        boolean distributed,
        String label,
        String executionType,
        ItemReaderConfig itemReader,
        ItemBatcher itemBatcher,
        ResultWriterConfig resultWriter,
        String processorText) implements State {

    @Override
    public String type() {
        return "Map";
    }
}
