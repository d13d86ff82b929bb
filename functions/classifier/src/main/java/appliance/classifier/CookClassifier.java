package appliance.classifier;

/** The business rules: how a cook ended, and what to tell the owner. The messages are the seed's, word for word. */
public final class CookClassifier {

    public Classification classify(CookEvent event) {
        if (event.endedEarly()) {
            if (event.usedPreset()) {
                return new Classification(CookOutcome.EARLY_END_PRESET,
                        "User ended " + event.preset() + " preset early", event);
            }
            return new Classification(CookOutcome.EARLY_END_CUSTOM, "User ended custom cook time early", event);
        }
        String message = event.usedPreset()
                ? event.preset() + " preset completed"
                : "Custom cook time completed";
        return new Classification(CookOutcome.COMPLETED, message, event);
    }
}
