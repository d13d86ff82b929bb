package appliance.server;

import java.math.BigDecimal;
import java.time.Instant;

/** Timestamps as AWS JSON 1.0 carries them and the SDKs parse them: seconds since the epoch, milliseconds as a fraction. */
final class EpochSeconds {

    private EpochSeconds() {
    }

    static BigDecimal of(Instant instant) {
        return BigDecimal.valueOf(instant.toEpochMilli(), 3);
    }
}
