package appliance.runtime.app;

import appliance.runtime.lambda.FunctionCode;
import appliance.runtime.lambda.LambdaFunctionConfig;
import appliance.runtime.template.FunctionResource;
import appliance.runtime.template.SamTemplate;

/** Turns a template's function into what the Lambda runtime runs: its config and its built code. */
public final class FunctionConfigs {

    private FunctionConfigs() {
    }

    public static LambdaFunctionConfig of(SamTemplate template, FunctionResource function) {
        return new LambdaFunctionConfig(
                function.logicalId(),
                function.functionName(),
                function.handler(),
                FunctionCode.locate(template.baseDirectory(), function.logicalId(), function.codeUri(), function.runtime()),
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
