package appliance.engine.maprun;

/**
 * What UpdateMapRun may change while a Map Run goes: {@code maxConcurrency} (0: no limit) and the
 * tolerated failures (null when not set). Immutable; an update makes a new one.
 */
public record MapRunSettings(int maxConcurrency, Integer toleratedFailureCount, Double toleratedFailurePercentage) {
}
