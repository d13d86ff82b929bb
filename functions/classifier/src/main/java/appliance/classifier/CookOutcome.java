package appliance.classifier;

/** How a cook ended. The state machine branches on these names, and SNS subscriptions filter on them. */
public enum CookOutcome {
    /** The cook stopped before the requested time, and it was running a preset program. */
    EARLY_END_PRESET,
    /** The cook stopped before the requested time, and its time was set by hand. */
    EARLY_END_CUSTOM,
    /** The cook ran for at least the requested time. */
    COMPLETED;

    public boolean endedEarly() {
        return this != COMPLETED;
    }
}
