/**
 * The Step Functions API on localhost, over the local engine: AWS JSON 1.0 ({@code POST /},
 * {@code X-Amz-Target: AWSStepFunctions.<Action>}) on the JDK's HTTP server, so the AWS CLI, the SDKs
 * and boto3 work unchanged with an endpoint override. {@link appliance.server.StepFunctionsServer} is
 * the entry point; {@link appliance.server.ServerOptions} says where it listens and keeps its data.
 *
 * <p>Actions: CreateStateMachine, UpdateStateMachine, DescribeStateMachine, ListStateMachines,
 * DeleteStateMachine, ValidateStateMachineDefinition, StartExecution, StartSyncExecution,
 * DescribeExecution, DescribeStateMachineForExecution, StopExecution, ListExecutions,
 * GetExecutionHistory, TestState. Errors are HTTP 400 with {@code __type}
 * {@code com.amazonaws.swf.service.v2.model#<Code>}, a {@code message}, and the
 * {@code X-Amzn-ErrorType} header: the SDKs raise their modelled exception of that code.
 *
 * <p>Choices made where AWS says nothing, or where a local server differs:
 * <ul>
 *   <li>Executions are kept in an H2 database file (tables {@code state_machines}, {@code executions},
 *       {@code history_events}). An execution's row is written before StartExecution answers; its final
 *       status and its whole history are written together in one transaction when it ends, so a crash
 *       never leaves half a history.</li>
 *   <li>When the server stops, executions still running are stopped and saved ABORTED with error
 *       {@code States.Runtime} and a cause saying the server stopped; rows a crashed server left RUNNING
 *       are marked so at the next start, with a history of their start and the abort.</li>
 *   <li>EXPRESS executions are kept and listed like STANDARD ones (AWS keeps no history for them).</li>
 *   <li>The AWS SDKs send StartSyncExecution to the host prefix {@code sync-}; clients of a local
 *       endpoint turn that off ({@code SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION}), as with
 *       Step Functions Local.</li>
 *   <li>{@code stateMachineArn#TestCase} in StartExecution runs a test case of the server's
 *       MockConfigFile, as Step Functions Local does.</li>
 * </ul>
 */
package appliance.server;
