package appliance.runtime.template;

import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Step Functions' {@code DefinitionSubstitutions}: every {@code ${Name}} in the definition text is
 * replaced by the entry's value, as text. A placeholder with no entry would reach AWS as literal text
 * and break the state machine there; locally it is an error at load time.
 */
final class DefinitionSubstitutions {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");

    private DefinitionSubstitutions() {
    }

    /** @param source names the definition in errors, e.g. {@code Resource X: DefinitionUri statemachine/a.asl.json} */
    static String apply(String definition, Map<String, String> substitutions, String source) {
        Matcher matcher = PLACEHOLDER.matcher(definition);
        StringBuilder out = new StringBuilder();
        TreeSet<String> missing = new TreeSet<>();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = substitutions.get(name);
            if (value == null) {
                missing.add(name);
                matcher.appendReplacement(out, Matcher.quoteReplacement(matcher.group()));
            } else {
                matcher.appendReplacement(out, Matcher.quoteReplacement(value));
            }
        }
        matcher.appendTail(out);
        if (!missing.isEmpty()) {
            StringBuilder names = new StringBuilder();
            for (String name : missing) {
                names.append(names.length() == 0 ? "" : ", ").append("${").append(name).append('}');
            }
            throw new TemplateException(source + ": placeholder" + (missing.size() == 1 ? " " : "s ") + names
                    + (missing.size() == 1 ? " has" : " have") + " no entry in DefinitionSubstitutions");
        }
        return out.toString();
    }
}
