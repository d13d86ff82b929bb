package appliance.engine.error;

import java.util.List;

/** Which errors a Retry or Catch's {@code ErrorEquals} list takes: the one reading the engine and TestState share. */
public final class ErrorEquals {

    private ErrorEquals() {
    }

    /**
     * Whether an ErrorEquals list takes the error. States.ALL takes everything but
     * States.DataLimitExceeded; States.TaskFailed everything but States.Timeout (as the developer guide
     * says) and that.
     */
    public static boolean takes(List<String> errorEquals, String error) {
        for (String name : errorEquals) {
            if (name.equals(error)) {
                return true;
            }
            if (ErrorNames.ALL.equals(name) && !ErrorNames.DATA_LIMIT_EXCEEDED.equals(error)) {
                return true;
            }
            if (ErrorNames.TASK_FAILED.equals(name) && !ErrorNames.DATA_LIMIT_EXCEEDED.equals(error)
                    && !ErrorNames.TIMEOUT.equals(error)) {
                return true;
            }
        }
        return false;
    }
}
