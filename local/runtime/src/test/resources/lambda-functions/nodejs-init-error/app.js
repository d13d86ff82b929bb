// Fails while it loads, as a function whose database is unreachable at init would.
throw new Error('cannot reach the database');
