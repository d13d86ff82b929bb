package appliance.cli;

import appliance.engine.conformance.CaseOutcome;
import appliance.engine.conformance.ConformanceCase;
import appliance.engine.conformance.ConformanceRunner;
import appliance.engine.conformance.Verdict;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code appliance conformance CASES.jsonl [--results OUT.jsonl] [--histories OUT.jsonl]}: runs every case
 * of the AWS-recorded corpus format (a line may carry {@code mockConfig} and {@code testCase}), writes one
 * result line per case and, if asked, one {@code {"name", "events"}} line per case with the execution's
 * history as GetExecutionHistory returns it, and prints a summary by area ending in
 * {@code N passed, N failed}. A case passes when status, output and error match AWS's; a different cause
 * is counted apart but passes.
 */
@Command(name = "conformance", mixinStandardHelpOptions = true,
        description = "Runs recorded cases and compares the engine's results with AWS's.")
public final class ConformanceCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CASES.jsonl", description = "One case a line, in the corpus format.")
    private String casesFile;

    @Option(names = "--results", paramLabel = "OUT.jsonl", description = "Where to write one result line per case.")
    private Path resultsFile;

    @Option(names = "--histories", paramLabel = "OUT.jsonl",
            description = "Where to write one {\"name\", \"events\"} line per case: its history as GetExecutionHistory returns it.")
    private Path historiesFile;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        ObjectMapper json = JsonFiles.JSON;
        List<String> lines = JsonFiles.readText(casesFile).lines().toList();
        requireFolder("--results", resultsFile);
        requireFolder("--histories", historiesFile);
        ConformanceRunner runner = new ConformanceRunner();
        Map<String, int[]> byArea = new TreeMap<>();
        int passed = 0;
        int failed = 0;
        int causeDiffers = 0;
        try (BufferedWriter results = resultsFile == null ? null : Files.newBufferedWriter(resultsFile, StandardCharsets.UTF_8);
             BufferedWriter histories = historiesFile == null ? null
                     : Files.newBufferedWriter(historiesFile, StandardCharsets.UTF_8)) {
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                ConformanceCase testCase;
                try {
                    testCase = ConformanceCase.fromJson(json.readTree(lines.get(i)));
                } catch (JsonProcessingException | IllegalArgumentException e) {
                    throw new UserError("line " + (i + 1) + " of " + casesFile + " is not a case: "
                            + e.getMessage().lines().findFirst().orElse(""));
                }
                CaseOutcome outcome = run(runner, testCase);
                Verdict verdict = Verdict.of(testCase.expected(), outcome);
                int[] counts = byArea.computeIfAbsent(testCase.area(), a -> new int[3]);
                counts[verdict.ordinal()]++;
                if (verdict == Verdict.FAIL) {
                    failed++;
                } else {
                    passed++;
                    causeDiffers += verdict == Verdict.CLOSE ? 1 : 0;
                }
                if (results != null) {
                    results.write(json.writeValueAsString(outcome.toJson(testCase.name())));
                    results.newLine();
                }
                if (histories != null) {
                    histories.write(json.writeValueAsString(outcome.historyJson(testCase.name())));
                    histories.newLine();
                }
            }
        }
        byArea.forEach((area, c) -> out.printf("%-40s %5d passed (%d with another cause) %5d failed%n",
                area, c[0] + c[1], c[1], c[2]));
        if (causeDiffers > 0) {
            out.printf("%d of the passed cases have a cause that differs from AWS's%n", causeDiffers);
        }
        out.printf("%d passed, %d failed%n", passed, failed);
        out.flush();
        return failed == 0 ? 0 : ExecuteCommand.FAILED;
    }

    /** An output file's folder must exist: say so before running every case, not after. */
    private static void requireFolder(String option, Path file) {
        if (file == null) {
            return;
        }
        Path folder = file.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new UserError(option + ": no such folder: " + folder);
        }
        if (Files.isDirectory(file)) {
            throw new UserError(option + ": " + file + " is a folder, not a file");
        }
    }

    /** A case that cannot even start (invalid definition, unusable mock) is reported as such, not thrown. */
    private static CaseOutcome run(ConformanceRunner runner, ConformanceCase testCase) {
        try {
            return runner.run(testCase);
        } catch (RuntimeException e) {
            return new CaseOutcome("INVALID", null, e.getClass().getSimpleName().replace("Exception", ""), e.getMessage());
        }
    }
}
