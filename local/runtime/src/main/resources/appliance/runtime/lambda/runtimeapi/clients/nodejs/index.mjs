// The Lambda Runtime API loop for Node.js functions (nodejs18.x, 20.x, 22.x), run as `node index.mjs` in the
// function's own process. It does what AWS's runtime interface client does for a handler: loads
// LAMBDA_TASK_ROOT/<module> named by _HANDLER (ES module or CommonJS), reports a failed load to /init/error, then
// loops: GET /invocation/next, call the handler (async, or with a callback, or through context.succeed/fail/done),
// POST /response or /error. console.* lines carry the timestamp, request id and level as on Lambda.
import http from 'node:http';
import path from 'node:path';
import fs from 'node:fs';
import util from 'node:util';
import { pathToFileURL } from 'node:url';

const [host, port] = process.env.AWS_LAMBDA_RUNTIME_API.split(':');
const base = '/2018-06-01/runtime';
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
let currentRequestId;

function request(method, urlPath, body, headers = {}) {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : Buffer.from(body);
    const req = http.request({ host, port, method, path: base + urlPath, agent,
      headers: payload ? { ...headers, 'Content-Length': payload.length } : headers }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.setNoDelay(true);
    req.on('error', reject);
    req.end(payload);
  });
}

function patchConsole() {
  const levels = { log: 'INFO', info: 'INFO', warn: 'WARN', error: 'ERROR', debug: 'DEBUG', trace: 'TRACE' };
  for (const [name, level] of Object.entries(levels)) {
    console[name] = (...args) => {
      process.stdout.write(`${new Date().toISOString()}\t${currentRequestId ?? 'undefined'}\t${level}\t${util.format(...args)}\n`);
    };
  }
}

function errorDocument(error) {
  if (error instanceof Error) {
    return { errorType: error.name, errorMessage: error.message,
      trace: String(error.stack ?? '').split('\n') };
  }
  return { errorType: typeof error === 'string' ? 'string' : typeof error, errorMessage: String(error), trace: [] };
}

function logError(error, requestId) {
  const document = errorDocument(error);
  process.stdout.write(`${new Date().toISOString()}\t${requestId ?? 'undefined'}\tERROR\t${JSON.stringify(document)}\n`);
}

async function loadHandler() {
  const root = process.env.LAMBDA_TASK_ROOT;
  const spec = process.env._HANDLER ?? '';
  const dot = spec.lastIndexOf('.');
  if (dot <= 0) {
    throw Object.assign(new Error(`Bad handler ${spec}: it must be module.function`), { name: 'Runtime.MalformedHandlerName' });
  }
  const modulePath = spec.slice(0, dot);
  const functionPath = spec.slice(dot + 1);
  const candidates = ['.js', '.mjs', '.cjs'].map((extension) => path.resolve(root, modulePath + extension));
  const file = candidates.find((candidate) => fs.existsSync(candidate));
  if (!file) {
    throw Object.assign(new Error(`Cannot find module '${modulePath}'`), { name: 'Runtime.ImportModuleError' });
  }
  let loaded;
  try {
    loaded = await import(pathToFileURL(file).href);
  } catch (error) {
    if (error instanceof SyntaxError) {
      throw Object.assign(new Error(`${error.name}: ${error.message}`), { name: 'Runtime.UserCodeSyntaxError', stack: error.stack });
    }
    throw error;
  }
  let handler = functionPath.split('.').reduce((value, key) => (value == null ? undefined : value[key]), loaded);
  if (handler === undefined && loaded.default) {
    handler = functionPath.split('.').reduce((value, key) => (value == null ? undefined : value[key]), loaded.default);
  }
  if (typeof handler !== 'function') {
    throw Object.assign(new Error(`${spec} is undefined or not exported`), { name: 'Runtime.HandlerNotFound' });
  }
  return handler;
}

function invoke(handler, event, context) {
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (error, result) => {
      if (settled) return;
      settled = true;
      if (error !== undefined && error !== null) reject(error); else resolve(result);
    };
    context.done = finish;
    context.succeed = (result) => finish(null, result);
    context.fail = (error) => finish(error ?? new Error('handled'));
    try {
      const returned = handler(event, context, finish);
      if (returned && typeof returned.then === 'function') {
        returned.then((result) => finish(null, result), (error) => finish(error));
      } else if (handler.length < 3 && returned !== undefined) {
        finish(null, returned);
      }
    } catch (error) {
      finish(error);
    }
  });
}

async function main() {
  patchConsole();
  let handler;
  try {
    handler = await loadHandler();
  } catch (error) {
    logError(error);
    const document = errorDocument(error);
    await request('POST', '/init/error', JSON.stringify(document), { 'Lambda-Runtime-Function-Error-Type': document.errorType });
    process.exit(1);
  }
  for (;;) {
    const next = await request('GET', '/invocation/next');
    if (next.status !== 200) {
      process.exit(0);
    }
    const requestId = next.headers['lambda-runtime-aws-request-id'];
    const deadline = Number(next.headers['lambda-runtime-deadline-ms']);
    currentRequestId = requestId;
    process.env._X_AMZN_TRACE_ID = next.headers['lambda-runtime-trace-id'] ?? '';
    const context = {
      awsRequestId: requestId,
      invokedFunctionArn: next.headers['lambda-runtime-invoked-function-arn'],
      functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
      functionVersion: process.env.AWS_LAMBDA_FUNCTION_VERSION,
      memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
      logGroupName: process.env.AWS_LAMBDA_LOG_GROUP_NAME,
      logStreamName: process.env.AWS_LAMBDA_LOG_STREAM_NAME,
      callbackWaitsForEmptyEventLoop: true,
      getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    };
    const event = next.body.length === 0 ? null : JSON.parse(next.body.toString('utf8'));
    try {
      const result = await invoke(handler, event, context);
      await request('POST', `/invocation/${requestId}/response`, JSON.stringify(result === undefined ? null : result));
    } catch (error) {
      logError(error, requestId);
      const document = errorDocument(error);
      await request('POST', `/invocation/${requestId}/error`, JSON.stringify(document),
        { 'Lambda-Runtime-Function-Error-Type': document.errorType });
    }
  }
}

main();
