package appliance.engine.run;

import appliance.engine.definition.DataFlowException;
import appliance.engine.definition.WaitState;
import appliance.engine.error.ErrorNames;
import appliance.engine.error.StatesFailure;
import appliance.engine.jsonata.JsonataTemplate;
import appliance.engine.path.PathNotFound;
import appliance.engine.path.ReferencePath;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Wait: parks the branch on a scheduler timer (no thread held) until the time has come, then goes on. */
final class WaitStep {

    private WaitStep() {
    }

    static void run(StateRun run, WaitState state) {
        JsonNode input = run.effectiveInput();
        Instant now = run.branch.execution.scheduler.now();
        Duration delay;
        JsonataTemplate seconds = JsonataSteps.field(run, "Seconds");
        JsonataTemplate timestamp = JsonataSteps.field(run, "Timestamp");
        if (seconds != null) {
            delay = Duration.ofSeconds(JsonataSteps.evaluate(run, () -> nonNegative(seconds,
                    seconds.evaluateInteger(JsonataSteps.bindings(run)))));
        } else if (timestamp != null) {
            delay = Duration.between(now, JsonataSteps.evaluate(run,
                    () -> timestamp.evaluateTimestamp(JsonataSteps.bindings(run))));
        } else if (state.seconds() != null) {
            delay = Duration.ofSeconds(state.seconds());
        } else if (state.timestamp() != null) {
            delay = Duration.between(now, state.timestamp());
        } else if (state.secondsPath() != null) {
            delay = Duration.ofSeconds(seconds(run, state.secondsPath(), input));
        } else {
            delay = Duration.between(now, timestamp(run, state.timestampPath(), input));
        }
        run.branch.execution.steps.schedule(delay.isNegative() ? Duration.ZERO : delay,
                () -> run.guarded(() -> run.passThrough(input, null, state.transition().next())));
    }

    private static long nonNegative(JsonataTemplate expression, long value) {
        if (value < 0) {
            throw new StatesFailure(ErrorNames.QUERY_EVALUATION_ERROR, "The " + expression.fieldName()
                    + " field must be a non-negative integer: " + value, expression.fieldName());
        }
        return value;
    }

    private static long seconds(StateRun run, ReferencePath path, JsonNode input) {
        JsonNode value = read(run, path, input);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new DataFlowException("The SecondsPath parameter cannot be parsed as a long value: "
                    + path.text() + " == " + text(value));
        }
        if (value.asLong() < 0) {
            throw new DataFlowException("The SecondsPath parameter references a negative value: "
                    + path.text() + " == " + text(value));
        }
        return value.asLong();
    }

    private static Instant timestamp(StateRun run, ReferencePath path, JsonNode input) {
        JsonNode value = read(run, path, input);
        try {
            if (!value.isTextual()) {
                throw new DateTimeParseException("not text", text(value), 0);
            }
            return OffsetDateTime.parse(value.asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw new DataFlowException("The TimestampPath parameter does not reference a valid ISO-8601 extended "
                    + "offset date-time format string: " + path.text() + " == " + text(value));
        }
    }

    private static JsonNode read(StateRun run, ReferencePath path, JsonNode input) {
        try {
            return path.readRequired(run.scope(input));
        } catch (PathNotFound e) {
            throw new DataFlowException("Invalid path '" + path.text() + "' : " + e.getMessage());
        }
    }

    static String text(JsonNode value) {
        return value.isTextual() ? value.asText() : appliance.engine.definition.Json.compact(value);
    }
}
