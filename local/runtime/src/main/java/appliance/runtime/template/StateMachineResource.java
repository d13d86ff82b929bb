package appliance.runtime.template;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An {@code AWS::Serverless::StateMachine} ready to run: its definition text after SAM's
 * {@code DefinitionSubstitutions}, with local ARNs.
 *
 * @param type             STANDARD or EXPRESS
 * @param definition       the ASL definition as JSON text, every {@code ${Name}} substituted
 * @param definitionFile   the DefinitionUri file, absolute; empty for an inline Definition
 * @param loggingLevel     Logging.Level (ALL, ERROR, FATAL, OFF); empty without Logging
 * @param autoPublishAlias SAM's AutoPublishAlias: the alias that routes to a version published of each
 *                         definition; empty without it
 */
public record StateMachineResource(
        String logicalId,
        String name,
        String arn,
        String type,
        String definition,
        Optional<Path> definitionFile,
        Map<String, String> definitionSubstitutions,
        Optional<String> loggingLevel,
        boolean includeExecutionData,
        boolean tracingEnabled,
        Map<String, FunctionResource.ResourceEvent> events,
        Optional<String> autoPublishAlias) {

    public StateMachineResource {
        definitionSubstitutions = Collections.unmodifiableMap(new LinkedHashMap<>(definitionSubstitutions));
        events = Collections.unmodifiableMap(new LinkedHashMap<>(events));
    }

    public boolean isExpress() {
        return type.equals("EXPRESS");
    }
}
