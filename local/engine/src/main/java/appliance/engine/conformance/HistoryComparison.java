package appliance.engine.conformance;

import appliance.engine.definition.Json;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Compares an execution history of ours with one AWS recorded, by the rules of the corpus README
 * ({@code ../shared/conformance/README.md}, "Recorded execution histories"): the same number of events;
 * per event {@code id}, {@code previousEventId}, {@code type} and the details equal; {@code timestamp}
 * ignored; payload strings ({@code input}, {@code output}, {@code cause}, {@code parameters},
 * {@code result}, the values of {@code assignedVariables}) compared as JSON values, numbers by value;
 * ARNs, account, region, partition, names and UUIDs compared after the same placeholder normalisation on
 * both sides; a recorded date placeholder matches any date-time; LocalStack's Parallel transform applied
 * to ours too (branch events get id {@code [0]} and previousEventId 0, ParallelStateSucceeded drops out),
 * runs of branch events compared in a canonical order. {@code score_history.py} beside the corpus
 * applies the same rules.
 */
public final class HistoryComparison {

    /** How one history compares. */
    public enum Verdict {
        /** Every event equal under the rules. */
        IDENTICAL,
        /** Same events, ids and types; some previousEventId or details differ. */
        SAME_TYPES_AND_IDS,
        /** A different number of events, or an id or type differs. */
        DIFFERENT
    }

    /** The verdict, and for a history that is not identical the first difference in words. */
    public record Result(Verdict verdict, String firstDifference) {
    }

    private static final Set<String> PAYLOAD_KEYS = Set.of("input", "output", "cause", "parameters", "result");
    private static final Set<String> DATE_PLACEHOLDERS = Set.of("timestamp", "date", "datetime");
    private static final Pattern DATE = Pattern.compile(
            "^(\\d{4}-\\d{2}-\\d{2}|\\d{2}-\\d{2}-\\d{4})([T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?)?(Z|[+-]\\d{2}:?\\d{2})?$");
    /** The names the conformance runner gives its executions ({@code ExecutionIdentity.local}). */
    private static final String OUR_MACHINE = "ConformanceMachine";
    private static final String OUR_EXECUTION = "conformance";
    private static final Pattern OUR_ROLE = Pattern.compile("^arn:aws[a-z-]*:iam::\\d{12}:role/[A-Za-z0-9+=,.@_/-]+$");
    private static final Map<String, String> WHOLE = Map.of("<ArnPart_0idx>", "<sm>", "<ExecArnPart_0idx>", "<exec>");
    /** LocalStack-like placeholders, applied in this order. */
    private static final List<Map.Entry<Pattern, String>> SUBSTITUTIONS = List.of(
            Map.entry(Pattern.compile("<uuid:\\d+>"), "<uuid>"),
            Map.entry(Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"), "<uuid>"),
            Map.entry(Pattern.compile("arn:aws(-[a-z-]+)?:"), "arn:<partition>:"),
            Map.entry(Pattern.compile("(arn:<partition>:[a-z0-9-]+:)[a-z]{2}(-gov)?-[a-z]+-\\d:"), "$1<region>:"),
            Map.entry(Pattern.compile("(arn:<partition>:[a-z0-9-]+:[^:]*:)\\d{12}:"), "$1111111111111:"),
            Map.entry(Pattern.compile("(:function:)[A-Za-z0-9_<>-]+"), "$1<fn>"),
            Map.entry(Pattern.compile("(:stateMachine:)[A-Za-z0-9_<>.-]+"), "$1<sm>"),
            Map.entry(Pattern.compile("(:execution:)[A-Za-z0-9_<>.-]+:[A-Za-z0-9_<>.-]+"), "$1<sm>:<exec>"),
            Map.entry(Pattern.compile("(:mapRun:)[^\\s\"/]+/[^\\s\":]+:[^\\s\"]+"), "$1<sm>/<mr0>:<mr1>"));
    private static final Set<String> PARALLEL_ENDS = Set.of("ParallelStateSucceeded", "ParallelStateAborted",
            "ParallelStateExited", "ParallelStateFailed");

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private HistoryComparison() {
    }

    /** Compares our events with AWS's recorded ones (both as GetExecutionHistory returns them). */
    public static Result compare(JsonNode recorded, JsonNode ours) {
        List<JsonNode> r = inCanonicalOrder(normalised(list(recorded), false));
        List<JsonNode> o = inCanonicalOrder(normalised(parallelTransform(list(ours)), true));
        if (r.size() != o.size()) {
            return new Result(Verdict.DIFFERENT, "events: " + r.size() + " recorded, " + o.size() + " ours");
        }
        Verdict verdict = Verdict.IDENTICAL;
        String firstDifference = null;
        for (int i = 0; i < r.size(); i++) {
            JsonNode x = r.get(i);
            JsonNode y = o.get(i);
            if (!same(x.get("id"), y.get("id")) || !same(x.get("type"), y.get("type"))) {
                return new Result(Verdict.DIFFERENT, "event #" + (i + 1) + ": recorded " + x.get("id") + " "
                        + x.get("type") + ", ours " + y.get("id") + " " + y.get("type"));
            }
            if (verdict == Verdict.IDENTICAL && !same(x, y)) {
                verdict = Verdict.SAME_TYPES_AND_IDS;
                firstDifference = "event id " + x.get("id") + " (" + x.get("type").asText() + ") at "
                        + firstDifference(x, y, "");
            }
        }
        return new Result(verdict, firstDifference);
    }

    private static List<JsonNode> list(JsonNode events) {
        List<JsonNode> list = new ArrayList<>();
        events.forEach(event -> list.add(event.deepCopy()));
        return list;
    }

    private static List<JsonNode> normalised(List<JsonNode> events, boolean ours) {
        return events.stream().map(event -> normalise(event, ours, null)).toList();
    }

    private static JsonNode normalise(JsonNode value, boolean ours, String key) {
        JsonNode v = key != null && PAYLOAD_KEYS.contains(key) ? parsed(value) : value;
        if (v.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> field : v.properties()) {
                if ("assignedVariables".equals(key)) {
                    out.set(field.getKey(), normalise(parsed(field.getValue()), ours, null));
                } else if (!"timestamp".equals(field.getKey())) {
                    out.set(field.getKey(), normalise(field.getValue(), ours, field.getKey()));
                }
            }
            return out;
        }
        if (v.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            v.forEach(item -> out.add(normalise(item, ours, null)));
            return out;
        }
        return v.isTextual() ? TextNode.valueOf(normaliseText(v.textValue(), ours)) : v;
    }

    /** A string holding JSON, as its value; anything else as it is. */
    private static JsonNode parsed(JsonNode value) {
        if (!value.isTextual()) {
            return value;
        }
        try {
            JsonNode parsed = JSON.readTree(value.textValue());
            return parsed == null || parsed.isMissingNode() ? value : parsed;
        } catch (java.io.IOException e) {
            return value;
        }
    }

    private static String normaliseText(String text, boolean ours) {
        if (ours) {
            if (OUR_ROLE.matcher(text).matches()) {
                return "snf_role_arn";
            }
            if (OUR_MACHINE.equals(text)) {
                return "<sm>";
            }
            if (OUR_EXECUTION.equals(text)) {
                return "<exec>";
            }
        }
        if (WHOLE.containsKey(text)) {
            return WHOLE.get(text);
        }
        String s = text;
        for (Map.Entry<Pattern, String> substitution : SUBSTITUTIONS) {
            s = substitution.getKey().matcher(s).replaceAll(substitution.getValue());
        }
        return s;
    }

    /**
     * LocalStack's transform of Parallel histories, as it ran on the recorded ones: between
     * ParallelStateStarted and the state's end, events get id {@code [0]} and previousEventId 0; at each
     * end event the slice since the (latest) ParallelStateStarted is replaced by those events, which is
     * how ParallelStateSucceeded drops out. The list changes while it is walked, as in LocalStack's loop.
     */
    static List<JsonNode> parallelTransform(List<JsonNode> events) {
        List<JsonNode> list = new ArrayList<>(events);
        List<JsonNode> branchEvents = new ArrayList<>();
        int start = 0;
        boolean inBranches = false;
        for (int i = 0; i < list.size(); i++) {
            JsonNode event = list.get(i);
            String type = event.path("type").asText();
            if (PARALLEL_ENDS.contains(type)) {
                List<JsonNode> slice = list.subList(start, Math.max(start, i));
                slice.clear();
                slice.addAll(branchEvents);
                inBranches = false;
            } else if ("ParallelStateStarted".equals(type)) {
                inBranches = true;
                branchEvents = new ArrayList<>();
                start = i + 1;
            } else if (inBranches) {
                ObjectNode branchEvent = (ObjectNode) event;
                branchEvent.set("id", JsonNodeFactory.instance.arrayNode().add(0));
                branchEvent.put("previousEventId", 0);
                branchEvents.add(branchEvent);
            }
        }
        return list;
    }

    /** Runs of Parallel-branch events (id {@code [0]}) in a canonical order: AWS's order is not stable. */
    private static List<JsonNode> inCanonicalOrder(List<JsonNode> events) {
        List<JsonNode> out = new ArrayList<>();
        List<JsonNode> run = new ArrayList<>();
        for (JsonNode event : events) {
            if (isBranchEvent(event)) {
                run.add(event);
                continue;
            }
            flush(run, out);
            out.add(event);
        }
        flush(run, out);
        return out;
    }

    private static boolean isBranchEvent(JsonNode event) {
        JsonNode id = event.get("id");
        return id != null && id.isArray() && id.size() == 1 && id.get(0).isNumber() && id.get(0).asLong() == 0;
    }

    private static void flush(List<JsonNode> run, List<JsonNode> out) {
        run.sort(Comparator.comparing(HistoryComparison::canonicalText));
        out.addAll(run);
        run.clear();
    }

    private static String canonicalText(JsonNode node) {
        try {
            return JSON.writeValueAsString(JSON.treeToValue(node, Object.class));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("A JSON tree that cannot be written: " + e.getMessage(), e);
        }
    }

    /**
     * Equal under the rules ({@code a} recorded, {@code b} ours, both normalised): numbers by value, and a
     * recorded date placeholder matches a date-time of ours.
     */
    static boolean same(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        return Json.sameValue(a, b, (x, y) -> x.isTextual() && DATE_PLACEHOLDERS.contains(x.textValue())
                && y.isTextual() && DATE.matcher(y.textValue()).matches());
    }

    private static String firstDifference(JsonNode a, JsonNode b, String path) {
        if (a != null && b != null && a.isObject() && b.isObject()) {
            List<String> names = new ArrayList<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(name -> {
                if (!a.has(name)) {
                    names.add(name);
                }
            });
            for (String name : names) {
                if (!same(a.get(name), b.get(name))) {
                    return firstDifference(a.get(name), b.get(name), path + "." + name);
                }
            }
        }
        if (a != null && b != null && a.isArray() && b.isArray() && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                if (!same(a.get(i), b.get(i))) {
                    return firstDifference(a.get(i), b.get(i), path + "[" + i + "]");
                }
            }
        }
        return (path.isEmpty() ? "." : path) + ": recorded " + shortText(a) + " / ours " + shortText(b);
    }

    private static String shortText(JsonNode value) {
        String text = value == null ? "<absent>" : value.isTextual() ? value.textValue() : value.toString();
        return text.length() <= 160 ? text : text.substring(0, 160) + "...";
    }
}
