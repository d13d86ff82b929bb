// Runs a state machine many times with the npm package aws-local-stepfunctions, the peer our engine is
// measured against, and prints one JSON line: {"executions", "seconds", "perSecond", "lastOutput"}.
//
//   node run-peer.mjs DEFINITION.json INPUT.json TASK_RESULTS.json COUNT
//
// TASK_RESULTS maps a Task state's name to the result its resource returns (the same fixed results our
// engine's side of the benchmark gets from a mock config), so both engines do the same work.
import { readFileSync } from 'node:fs';

// aws-local-stepfunctions 3 calls Promise.withResolvers, which Node gained in version 22.
if (typeof Promise.withResolvers !== 'function') {
  Promise.withResolvers = function withResolvers() {
    let resolve;
    let reject;
    const promise = new Promise((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };
}

const { StateMachine } = await import('aws-local-stepfunctions');

const [definitionFile, inputFile, taskResultsFile, countText] = process.argv.slice(2);
if (!definitionFile || !inputFile || !taskResultsFile || !countText) {
  console.error('usage: node run-peer.mjs DEFINITION.json INPUT.json TASK_RESULTS.json COUNT');
  process.exit(2);
}
const definition = JSON.parse(readFileSync(definitionFile, 'utf8'));
const input = JSON.parse(readFileSync(inputFile, 'utf8'));
const taskResults = JSON.parse(readFileSync(taskResultsFile, 'utf8'));
const count = Number.parseInt(countText, 10);

const taskResourceLocalHandlers = Object.fromEntries(
  Object.entries(taskResults).map(([state, result]) => [state, async () => structuredClone(result)]),
);
const machine = new StateMachine(definition, { validationOptions: { checkPaths: false, checkArn: false } });
// The peer fills only Execution.Input and StartTime of the context object; the names AWS (and our engine)
// always provide are given here, so a definition reading $$.Execution.Id runs on both.
const context = {
  Execution: {
    Id: 'arn:aws:states:us-east-1:123456789012:execution:Bench:bench',
    Name: 'bench',
    RoleArn: 'arn:aws:iam::123456789012:role/Bench',
  },
  StateMachine: { Id: 'arn:aws:states:us-east-1:123456789012:stateMachine:Bench', Name: 'Bench' },
};
const runOnce = () => machine.run(input, { overrides: { taskResourceLocalHandlers }, context }).result;

// Warm-up as on our side (appliance bench): at least 10,000 runs and 3 seconds.
const warmupStarted = process.hrtime.bigint();
do {
  for (let i = 0; i < 10000; i++) {
    await runOnce();
  }
} while (process.hrtime.bigint() - warmupStarted < 3_000_000_000n);
let lastOutput;
const started = process.hrtime.bigint();
for (let i = 0; i < count; i++) {
  lastOutput = await runOnce();
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
console.log(JSON.stringify({ executions: count, seconds, perSecond: count / seconds, lastOutput }));
