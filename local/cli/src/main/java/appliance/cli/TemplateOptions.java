package appliance.cli;

import appliance.runtime.template.ParameterOverrides;
import appliance.runtime.template.SamTemplate;
import appliance.runtime.template.TemplateException;
import appliance.runtime.template.TemplateSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options every command that reads template.yaml shares: which template, and parameter overrides. */
final class TemplateOptions {

    @Option(names = {"-t", "--template"}, paramLabel = "FILE", defaultValue = "template.yaml",
            description = "The SAM template (default: ${DEFAULT-VALUE} in the project).")
    String template;

    @Option(names = "--parameter-overrides", paramLabel = "KEY=VALUE", split = " ",
            description = "Template parameters, as sam deploy takes them: Key=Value ...")
    List<String> parameterOverrides = new ArrayList<>();

    SamTemplate load() {
        return load(TemplateSettings.defaults());
    }

    /** The template "deployed" with {@code settings} (account, region) and the parameter overrides. */
    SamTemplate load(TemplateSettings settings) {
        Path file = ProjectFiles.resolve(template);
        if (!Files.isRegularFile(file)) {
            throw new UserError("no such template: " + template);
        }
        try {
            return SamTemplate.load(file, settings
                    .withParameterOverrides(ParameterOverrides.parse(parameterOverrides)));
        } catch (TemplateException | IllegalArgumentException e) {
            throw new UserError(template + ": " + e.getMessage());
        }
    }
}
