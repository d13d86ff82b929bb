package appliance.server;

import appliance.engine.definition.Json;
import appliance.engine.task.mock.MockConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The project's own workflow for the web debugger's tests and demo: its definition with the template's
 * {@code ${...}} substitutions filled with local ARNs, its MockConfigFile, and its sample events.
 */
final class CookWorkflowFixture {

    static final String MACHINE = "CookWorkflow";
    private static final Pattern SUBSTITUTION = Pattern.compile("\\$\\{([A-Za-z0-9]+)Arn}");

    private CookWorkflowFixture() {
    }

    /** The repository root: surefire's {@code project.root}, else the nearest folder above with a statemachine/. */
    static Path projectRoot() {
        String property = System.getProperty("project.root");
        if (property != null && Files.isDirectory(Path.of(property, "statemachine"))) {
            return Path.of(property);
        }
        Path folder = Path.of("").toAbsolutePath();
        while (folder != null && !Files.isDirectory(folder.resolve("statemachine"))) {
            folder = folder.getParent();
        }
        if (folder == null) {
            throw new IllegalStateException("No project root (a folder with statemachine/) above " + Path.of("").toAbsolutePath());
        }
        return folder;
    }

    /** The definition as the template deploys it, with each {@code ${NameArn}} a local ARN for Name. */
    static String definition() throws IOException {
        String text = Files.readString(projectRoot().resolve("statemachine/cook-workflow.asl.json"));
        Matcher matcher = SUBSTITUTION.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String arn = name.endsWith("Topic")
                    ? "arn:aws:sns:us-east-1:123456789012:" + name
                    : "arn:aws:lambda:us-east-1:123456789012:function:" + name;
            matcher.appendReplacement(out, Matcher.quoteReplacement(arn));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    static MockConfig mockConfig() throws IOException {
        return MockConfig.parse(Json.MAPPER.readTree(projectRoot().resolve("statemachine/test/MockConfigFile.json").toFile()));
    }

    static Path samples() {
        return projectRoot().resolve("events");
    }
}
