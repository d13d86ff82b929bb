package appliance.server;

import appliance.engine.task.TaskInvoker;
import appliance.engine.task.TaskResource;

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
        return request -> {
            String resource = request.resource();
            if (TaskResource.isActivity(resource)) {
                return activities.schedule(request);
            }
            if (resource.endsWith(Callbacks.SUFFIX)) {
                return callbacks.invoke(request, services);
            }
            return services.invoke(request);
        };
    }
}
