// Prints the Task results of one mock config test case as the peer runner wants them: state name ->
// the first mocked Return. Both engines then get the same answers for the same states.
//
//   node task-results.mjs MOCK_CONFIG.json TEST_CASE
import { readFileSync } from 'node:fs';

const [mockFile, testCase] = process.argv.slice(2);
const mocks = JSON.parse(readFileSync(mockFile, 'utf8'));
const machine = Object.values(mocks.StateMachines)[0];
const states = machine.TestCases[testCase];
if (!states) {
  console.error(`no test case ${testCase} in ${mockFile}`);
  process.exit(2);
}
const results = {};
for (const [state, responseName] of Object.entries(states)) {
  const answers = mocks.MockedResponses[responseName];
  const first = answers['0'] ?? Object.values(answers)[0];
  if (!('Return' in first)) {
    console.error(`the first answer of ${responseName} throws; the benchmark wants a succeeding test case`);
    process.exit(2);
  }
  results[state] = first.Return;
}
console.log(JSON.stringify(results));
