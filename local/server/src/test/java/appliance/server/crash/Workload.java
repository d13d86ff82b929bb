package appliance.server.crash;

import java.util.List;

/**
 * The machines the crash test drives (Pass, Wait, Task with retries and a catch, Map, Parallel), each
 * with a few inputs. Every output depends on the input only, so each can be compared with an
 * uninterrupted run of the same machine and input. Tasks call {@code function}: a Lambda that answers a
 * good cook event and fails on a bad one (the template's ClassifyCookFunction does both).
 */
final class Workload {

    record Kind(String name, String definition) {
    }

    static final String GOOD = "{\"cook_secs\":45,\"req_secs\":90,\"pre\":\"popcorn\"}";
    static final String BAD = "{\"cook_secs\":45,\"req_secs\":0}";

    private final List<Kind> kinds;

    Workload(String function) {
        String task = "\"Type\":\"Task\",\"Resource\":\"" + function + "\"";
        kinds = List.of(
                new Kind("CrashPass", """
                        {"StartAt":"Shape","States":{
                          "Shape":{"Type":"Pass","Parameters":{"kind":"pass","v.$":"$.v","sum.$":"States.MathAdd($.v, 40)"},"Next":"Done"},
                          "Done":{"Type":"Succeed"}}}"""),
                new Kind("CrashWait", """
                        {"StartAt":"Pause","States":{
                          "Pause":{"Type":"Wait","SecondsPath":"$.wait","Next":"After"},
                          "After":{"Type":"Pass","Parameters":{"kind":"wait","waited.$":"$.wait"},"End":true}}}"""),
                new Kind("CrashRetry", """
                        {"StartAt":"Classify","States":{
                          "Classify":{%s,"InputPath":"$.event","ResultPath":"$.result",
                            "Retry":[{"ErrorEquals":["States.ALL"],"IntervalSeconds":1,"MaxAttempts":2,"BackoffRate":2}],
                            "Catch":[{"ErrorEquals":["States.ALL"],"ResultPath":"$.caught","Next":"Recovered"}],
                            "Next":"Classified"},
                          "Recovered":{"Type":"Pass","Parameters":{"kind":"retry","caught.$":"$.caught.Error"},"End":true},
                          "Classified":{"Type":"Pass","Parameters":{"kind":"retry","result.$":"$.result"},"End":true}}}"""
                        .formatted(task)),
                new Kind("CrashMap", """
                        {"StartAt":"Each","States":{
                          "Each":{"Type":"Map","ItemsPath":"$.events","MaxConcurrency":2,"ItemProcessor":{
                            "ProcessorConfig":{"Mode":"INLINE"},"StartAt":"Classify","States":{
                              "Classify":{%s,"Catch":[{"ErrorEquals":["States.ALL"],"Next":"Bad"}],"End":true},
                              "Bad":{"Type":"Pass","Result":"bad","End":true}}},
                            "End":true}}}""".formatted(task)),
                new Kind("CrashParallel", """
                        {"StartAt":"Both","States":{
                          "Both":{"Type":"Parallel","End":true,"Branches":[
                            {"StartAt":"Classify","States":{"Classify":{%s,"InputPath":"$.event",
                              "Catch":[{"ErrorEquals":["States.ALL"],"Next":"Bad"}],"End":true},
                              "Bad":{"Type":"Pass","Result":"bad","End":true}}},
                            {"StartAt":"Pause","States":{"Pause":{"Type":"Wait","Seconds":1,"Next":"Say"},
                              "Say":{"Type":"Pass","Parameters":{"v.$":"$.v"},"End":true}}}]}}}""".formatted(task)));
    }

    List<Kind> kinds() {
        return kinds;
    }

    /** Input {@code variant} (0 to 3) of every kind. */
    static String input(int variant) {
        String event = variant % 2 == 0 ? GOOD : BAD;
        return "{\"v\":" + variant + ",\"wait\":" + (1 + variant % 3) + ",\"event\":" + event + ",\"events\":["
                + GOOD + "," + BAD + "," + GOOD + "]}";
    }

    static final int VARIANTS = 4;
}
