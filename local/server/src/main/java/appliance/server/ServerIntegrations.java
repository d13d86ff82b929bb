package appliance.server;

import appliance.engine.task.TaskInvoker;
import appliance.engine.task.TaskRequest;
import appliance.engine.task.TaskResource;
import appliance.engine.task.TaskScheduleFailure;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CompletionStage;

/**
 * The Task resources the server itself answers, around each state machine's own task invoker:
 * activities ({@link Activities}), callbacks ({@code .waitForTaskToken}, {@link Callbacks}) and
 * executions starting executions ({@link NestedExecutions}); everything else goes to the machine's invoker.
 */
final class ServerIntegrations {

    private final Activities activities;
    private final Callbacks callbacks;
    private final NestedExecutions nested;

    ServerIntegrations(Activities activities, Callbacks callbacks, NestedExecutions nested) {
        this.activities = activities;
        this.callbacks = callbacks;
        this.nested = nested;
    }

    TaskInvoker around(TaskInvoker machineTasks) {
        TaskInvoker services = request -> NestedExecutions.handles(request.resource())
                ? nested.invoke(request) : machineTasks.invoke(request);
        return new TaskInvoker() {
            @Override
            public CompletionStage<JsonNode> invoke(TaskRequest request) {
                String resource = request.resource();
                if (TaskResource.isActivity(resource)) {
                    return activities.schedule(request);
                }
                if (resource.endsWith(Callbacks.SUFFIX)) {
                    return callbacks.invoke(request, services);
                }
                return services.invoke(request);
            }

            @Override
            public TaskScheduleFailure refusal(TaskRequest request) {
                return TaskResource.isActivity(request.resource()) ? activities.refusal(request)
                        : machineTasks.refusal(request);
            }
        };
    }
}
