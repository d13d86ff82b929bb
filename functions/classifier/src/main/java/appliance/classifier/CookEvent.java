package appliance.classifier;

/**
 * What an appliance reports when a cook ends, once validated.
 *
 * @param applianceId the appliance that cooked, or null when the event does not say
 * @param cookSecs seconds the appliance actually cooked
 * @param reqSecs seconds the user asked for; always more than zero
 * @param preset the preset program's name, or null for a cook time set by hand
 */
public record CookEvent(String applianceId, long cookSecs, long reqSecs, String preset) {

    public boolean usedPreset() {
        return preset != null;
    }
}
