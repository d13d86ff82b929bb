/**
 * The Step Functions API on localhost, over the local engine: AWS JSON 1.0 ({@code POST /},
 * {@code X-Amz-Target: AWSStepFunctions.<Action>}) on the JDK's HTTP server, so the AWS CLI, the SDKs
 * and boto3 work unchanged with an endpoint override. {@link appliance.server.StepFunctionsServer} is
 * the entry point; {@link appliance.server.ServerOptions} says where it listens and keeps its data.
 *
 * <p>Actions: CreateStateMachine, UpdateStateMachine, DescribeStateMachine, ListStateMachines,
 * DeleteStateMachine, ValidateStateMachineDefinition, StartExecution, StartSyncExecution,
 * DescribeExecution, DescribeStateMachineForExecution, StopExecution, ListExecutions,
 * GetExecutionHistory, TestState; SendTaskSuccess, SendTaskFailure, SendTaskHeartbeat ({@link
 * appliance.server.Callbacks}); CreateActivity, DescribeActivity, ListActivities, DeleteActivity,
 * GetActivityTask ({@link appliance.server.Activities}); {@code states:startExecution} Task states run
 * on this server ({@link appliance.server.NestedExecutions}). Errors are HTTP 400 with {@code __type}
 * {@code com.amazonaws.swf.service.v2.model#<Code>}, a {@code message}, and the
 * {@code X-Amzn-ErrorType} header: the SDKs raise their modelled exception of that code.
 *
 * <p>Choices made where AWS says nothing, or where a local server differs:
 * <ul>
 *   <li>Everything is kept in a write-ahead journal ({@link appliance.server.ExecutionStore}): each change
 *       is a record of its own, and a change is answered only once it is on disk (group commit). Each
 *       history event is written as the engine makes it; a task is called only once the events before
 *       it are on disk.</li>
 *   <li>Task tokens are not written: a callback or activity task waiting at a restart waits again under
 *       the same token (the engine draws it from the execution's seeded randomness), after its service
 *       is called again. SendTaskSuccess and SendTaskFailure answer once the event they made is on disk.</li>
 *   <li>When the server stops, or crashes, Standard executions still running stay RUNNING and resume at
 *       the next start from their history (the engine's {@code appliance.engine.replay.Replay}); a task
 *       in flight is called again. Asynchronous Express executions run again from their start (AWS runs
 *       them at least once); synchronous Express ones end ABORTED (at most once).</li>
 *   <li>EXPRESS executions are kept and listed like STANDARD ones (AWS keeps no history for them).</li>
 *   <li>The AWS SDKs send StartSyncExecution to the host prefix {@code sync-}; clients of a local
 *       endpoint turn that off ({@code SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION}), as with
 *       Step Functions Local.</li>
 *   <li>{@code stateMachineArn#TestCase} in StartExecution runs a test case of the server's
 *       MockConfigFile, as Step Functions Local does.</li>
 * </ul>
 */
package appliance.server;
