package appliance.classifier;

import java.math.BigDecimal;

/**
 * What an appliance reports when a cook ends, once validated. Seconds are numbers as the appliance wrote
 * them, fractions included: {@code 45.5} stays {@code 45.5} and {@code 45} stays {@code 45}.
 *
 * @param applianceId the appliance that cooked, or null when the event does not say
 * @param cookSecs seconds the appliance actually cooked; never negative
 * @param reqSecs seconds the user asked for; always more than zero
 * @param preset the preset program's name, or null for a cook time set by hand
 */
public record CookEvent(String applianceId, BigDecimal cookSecs, BigDecimal reqSecs, String preset) {

    public CookEvent(String applianceId, long cookSecs, long reqSecs, String preset) {
        this(applianceId, BigDecimal.valueOf(cookSecs), BigDecimal.valueOf(reqSecs), preset);
    }

    public boolean usedPreset() {
        return preset != null;
    }

    /** The seed's rule, on numbers: the cook stopped before the requested time. */
    public boolean endedEarly() {
        return cookSecs.compareTo(reqSecs) < 0;
    }
}
