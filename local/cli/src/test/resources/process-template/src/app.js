// Ends its own process when the event says so (as a handler calling process.exit does); otherwise answers.
exports.handler = async (event) => {
  if (event.exit) {
    process.exit(event.exit);
  }
  return { answered: event.n };
};
