package appliance.runtime.lambda;

import java.util.List;

/** The Lambda runtimes (the template's {@code Runtime}) that functions can run on here. */
final class LambdaRuntimes {
    static final List<String> SUPPORTED = List.of("java11", "java17", "java21", "nodejs18.x", "nodejs20.x",
            "nodejs22.x", "python3.9", "python3.10", "python3.11", "python3.12", "python3.13", "provided.al2",
            "provided.al2023");

    private LambdaRuntimes() {
    }

    static boolean isSupported(String runtime) {
        return SUPPORTED.contains(runtime) || runtime.matches("java\\d+|nodejs\\d+\\.x|python3\\.\\d+|provided(\\.al2(023)?)?");
    }
}
