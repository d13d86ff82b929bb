package appliance.server;

import java.time.Clock;
import java.util.concurrent.CountDownLatch;

/**
 * Not a test: starts a server with the project's workflow (and a small Parallel/Map machine) and a few
 * executions, for looking at the web debugger by hand. Run with the test class path; the first argument
 * is the port (default 8083).
 */
final class WebDebuggerDemo {

    private WebDebuggerDemo() {
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : ServerOptions.DEFAULT_PORT;
        ServerOptions options = ServerOptions.inMemory(port)
                .withMockConfig(CookWorkflowFixture.mockConfig())
                .withSamples(CookWorkflowFixture.samples());
        ControllableTasks tasks = new ControllableTasks();
        StepFunctionsServer server = StepFunctionsServer.start(options, tasks, Clock.systemUTC());
        String cook = server.registerStateMachine(CookWorkflowFixture.MACHINE, CookWorkflowFixture.definition(),
                "STANDARD", tasks);
        String fanOut = server.registerStateMachine("FanOut", WebDebuggerDemo.FAN_OUT, "STANDARD", tasks);
        try (var sfn = ServerFixture.client(server.endpoint())) {
            for (String testCase : new String[] {"PresetEndedEarly", "CookCompleted", "InvalidEvent", "NotificationFailed"}) {
                sfn.startExecution(r -> r.stateMachineArn(cook + "#" + testCase).name(testCase)
                        .input("{\"cook_secs\":45,\"req_secs\":90,\"pre\":\"popcorn\"}"));
            }
            sfn.startExecution(r -> r.stateMachineArn(fanOut).name("three-items").input("{\"items\":[1,2,3]}"));
            // One that stays RUNNING: its task is never answered.
            String held = server.registerStateMachine("Held", "{\"StartAt\":\"Prepare\",\"States\":{"
                    + "\"Prepare\":{\"Type\":\"Pass\",\"Next\":\"Wait for stock\"},"
                    + "\"Wait for stock\":{\"Type\":\"Task\",\"Resource\":\"" + ControllableTasks.HOLD + "\",\"End\":true}}}",
                    "STANDARD", tasks);
            sfn.startExecution(r -> r.stateMachineArn(held).name("still-running"));
        }
        System.out.println("Web debugger: " + server.endpoint() + "/");
        new CountDownLatch(1).await();
    }

    static final String FAN_OUT = """
            {"StartAt": "Prepare", "States": {
              "Prepare": {"Type": "Pass", "Parameters": {"items.$": "$.items", "at.$": "$$.Execution.StartTime"}, "Next": "Both"},
              "Both": {"Type": "Parallel", "ResultPath": "$.both", "Next": "Check", "Branches": [
                {"StartAt": "Each item", "States": {"Each item": {"Type": "Map", "ItemsPath": "$.items", "End": true,
                  "ItemProcessor": {"StartAt": "Echo item", "States": {
                    "Echo item": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:Echo",
                                  "Parameters": {"item.$": "$"}, "End": true}}}}}},
                {"StartAt": "Try failing", "States": {
                  "Try failing": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:Fail",
                    "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "Recovered"}], "End": true},
                  "Recovered": {"Type": "Pass", "End": true}}}]},
              "Check": {"Type": "Choice", "Choices": [{"Variable": "$.items[0]", "NumericEquals": 1, "Next": "Done"}],
                        "Default": "Odd"},
              "Odd": {"Type": "Fail", "Error": "Odd", "Cause": "the first item is not 1"},
              "Done": {"Type": "Succeed"}}}
            """;
}
