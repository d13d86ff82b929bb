// The seed's microwave handler (../shared/seed/aws-lambda-notes.txt), written for Node.js 16, with its syntax error
// fixed: the braces it never closed are closed, and the cook that ran to the end, which it said nothing of, gets the
// workflow's message for it. context.succeed is the seed's own (legacy) way to return.
console.log('Loading function');
exports.handler = function(event, context) {
  console.log(JSON.stringify(event, null, 2));
  const message = JSON.parse(event.Records[0].Sns.Message);
  if (message.cook_secs < message.req_secs) {
    if (message.pre) {
      context.succeed("User ended " + message.pre + " preset early");
    } else {
      context.succeed("User ended custom cook time early");
    }
  } else {
    context.succeed(message.pre ? message.pre + " preset completed" : "Custom cook time completed");
  }
};
