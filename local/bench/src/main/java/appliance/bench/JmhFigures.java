package appliance.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the JMH benchmarks of this module and prints, per benchmark, the median time per operation with the min-max of
 * every measured iteration of every fork (one figure with its spread, as the README quotes them; JMH's own summary is
 * a mean and a confidence interval, which one noisy iteration on a shared machine drags). Takes JMH's command-line
 * options (e.g. {@code -f 1 -i 3}, or a benchmark name pattern); the defaults are 3 forks of 3 warm-up and 5 measured
 * iterations of 1 s.
 */
public final class JmhFigures {
    private JmhFigures() {
    }

    public static void main(String[] args) throws RunnerException {
        CommandLineOptions given;
        try {
            given = new CommandLineOptions(args);
        } catch (CommandLineOptionException e) {
            System.err.println("local/bench/jmh: " + e.getMessage());
            System.exit(2);
            return;
        }
        OptionsBuilder options = new OptionsBuilder();
        options.parent(given);
        if (given.getIncludes().isEmpty()) {
            options.include("appliance\\.bench\\..*");
        }
        if (!given.getForkCount().hasValue()) {
            options.forks(3);
        }
        if (!given.getWarmupIterations().hasValue()) {
            options.warmupIterations(3);
        }
        if (!given.getWarmupTime().hasValue()) {
            options.warmupTime(TimeValue.seconds(1));
        }
        if (!given.getMeasurementIterations().hasValue()) {
            options.measurementIterations(5);
        }
        if (!given.getMeasurementTime().hasValue()) {
            options.measurementTime(TimeValue.seconds(1));
        }
        if (!given.verbosity().hasValue()) {
            options.verbosity(VerboseMode.SILENT);
        }
        // The in-process runtime gives each function its own environment variables (see local/runtime).
        options.jvmArgsAppend("--add-opens", "java.base/java.util=ALL-UNNAMED", "--add-opens", "java.base/java.lang=ALL-UNNAMED");
        Options built = options.build();
        Collection<RunResult> results = new Runner(built, OutputFormatFactory.createFormatInstance(System.out,
                built.verbosity().orElse(VerboseMode.SILENT))).run();
        print(results);
    }

    private static void print(Collection<RunResult> results) {
        Map<String, double[]> medians = new TreeMap<>();
        for (RunResult result : results) {
            String name = result.getParams().getBenchmark().replaceFirst("^appliance\\.bench\\.", "");
            List<Double> scores = new ArrayList<>();
            String unit = result.getPrimaryResult().getScoreUnit();
            for (BenchmarkResult fork : result.getBenchmarkResults()) {
                for (IterationResult iteration : fork.getIterationResults()) {
                    scores.add(iteration.getPrimaryResult().getScore());
                }
            }
            scores.sort(null);
            double median = median(scores);
            medians.put(name, new double[] {median});
            System.out.printf("%-52s median %10.3f %s (%.3f-%.3f), %d iterations in %d forks%n", name, median, unit,
                    scores.get(0), scores.get(scores.size() - 1), scores.size(), result.getBenchmarkResults().size());
        }
        double[] direct = medians.get("LambdaInvocationBenchmark.directHandlerCall");
        double[] invoke = medians.get("LambdaInvocationBenchmark.inProcessInvoke");
        if (direct != null && invoke != null) {
            System.out.printf("in-process Lambda overhead per call: %.1f us (median invoke - median direct call; goal < 50 us)%n",
                    invoke[0] - direct[0]);
        }
    }

    private static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
