package appliance.runtime.app;

import appliance.runtime.lambda.FunctionModuleClasspath;
import appliance.runtime.lambda.LambdaFunctionConfig;
import appliance.runtime.template.FunctionResource;

/** Turns a template's function into what the in-process Lambda runtime runs: its config and its built code. */
public final class FunctionConfigs {

    private FunctionConfigs() {
    }

    public static LambdaFunctionConfig of(FunctionResource function) {
        return new LambdaFunctionConfig(
                function.logicalId(),
                function.functionName(),
                function.handler(),
                FunctionModuleClasspath.of(function.codeUri()),
                function.memorySize(),
                function.timeoutSeconds(),
                function.environment(),
                function.reservedConcurrentExecutions().isPresent()
                        ? function.reservedConcurrentExecutions().getAsInt() : null,
                function.architectures().isEmpty() ? "x86_64" : function.architectures().get(0),
                function.runtime(),
                function.autoPublishAlias().orElse(LambdaFunctionConfig.LATEST));
    }
}
