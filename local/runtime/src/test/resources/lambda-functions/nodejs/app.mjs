// A Node.js function for the process tests: one action per event, and a counter that shows warm reuse.
let invocations = 0;
console.log('loading the nodejs fixture');

export const handler = async (event, context) => {
  invocations += 1;
  switch (event.action) {
    case 'exit':
      process.exit(event.status);
      break;
    case 'spin':
      for (;;) { /* never returns: only the Timeout ends it */ }
    case 'hoard': {
      const held = [];
      for (;;) held.push(Buffer.alloc(16 * 1024 * 1024, 1));
    }
    case 'environment':
      return process.env;
    case 'oversized':
      return 'a'.repeat(7 * 1024 * 1024);
    case 'throw':
      throw new TypeError(`cannot handle ${event.name}`);
    default:
      console.log('greeting', event.name);
      return { greeting: `Hello ${event.name}`, invocations, requestId: context.awsRequestId,
        functionName: context.functionName, remainingPositive: context.getRemainingTimeInMillis() > 0 };
  }
};
