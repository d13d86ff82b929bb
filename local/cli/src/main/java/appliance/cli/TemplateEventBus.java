package appliance.cli;

import appliance.runtime.app.LocalApplication;
import appliance.runtime.events.PutEventsFile;
import appliance.server.EventBus;
import appliance.server.StepFunctionsServer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The server's PutEvents over the template's EventBridge rules (event-ruler): a rule's state machine target
 * starts an execution on the server, where it is listed and kept like any other; a function target runs
 * in-process.
 */
final class TemplateEventBus implements EventBus {

    private final LocalApplication application;
    private final StepFunctionsServer server;

    TemplateEventBus(LocalApplication application, StepFunctionsServer server) {
        this.application = application;
        this.server = server;
    }

    @Override
    public ObjectNode putEvents(ObjectNode request) {
        List<PutEventsFile.ParsedEntry> entries = PutEventsFile.parse(request.toString(), "the PutEvents request");
        return application.putEvents(entries, (stateMachineArn, input) -> server.startExecution(stateMachineArn, null,
                input.toString())).toAwsResponse();
    }
}
