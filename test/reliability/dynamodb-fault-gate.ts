// Preloaded into the hub's child process (`node --import tsx --import ./test/reliability/dynamodb-fault-gate.ts
// embedded/main.ts`). The embedded hub starts its DynamoDB-API server (dynalite) in-process on a random
// port, so a proxy in front of it would need a product change; instead this gate sits in front of every
// HTTP server the process creates and acts only on DynamoDB API calls (`X-Amz-Target: DynamoDB_20120810.*`).
// To the SDK it is indistinguishable from a proxy: connections reset, or DynamoDB's own throttling answer.
import http from 'node:http';

/** `SIGUSR2` opens one fault window of this many ms (the parent sends it). */
const WINDOW_MS = Number(process.env.RELIABILITY_FAULT_WINDOW_MS ?? 4000);

let faultUntil = 0;
let refused = 0;
process.on('SIGUSR2', () => {
  faultUntil = Date.now() + WINDOW_MS;
  process.stderr.write(`[fault-gate] DynamoDB API refusing/throttling for ${WINDOW_MS} ms\n`);
  setTimeout(() => process.stderr.write(`[fault-gate] window over, ${refused} DynamoDB calls refused or throttled\n`), WINDOW_MS).unref();
});

const THROTTLES = [
  { type: 'com.amazonaws.dynamodb.v20120810#ThrottlingException', message: 'Rate of requests exceeds the allowed throughput.' },
  { type: 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException', message: 'The level of configured provisioned throughput for the table was exceeded.' },
] as const;

type Listener = (request: http.IncomingMessage, response: http.ServerResponse) => void;

/** Wraps a request listener: inside a window, every other DynamoDB call is reset, the rest throttled (HTTP 400 as DynamoDB does). */
function gated(listener: Listener): Listener {
  return (request, response) => {
    const target = request.headers['x-amz-target'];
    if (Date.now() >= faultUntil || typeof target !== 'string' || !target.startsWith('DynamoDB_')) return listener(request, response);
    refused++;
    if (refused % 2 === 0) {
      request.socket.destroy();
      return;
    }
    const { type, message } = THROTTLES[refused % 4 === 1 ? 0 : 1];
    request.resume();
    response.writeHead(400, { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': `fault-${refused}` });
    response.end(JSON.stringify({ __type: type, message }));
  };
}

const original = http.createServer;
// `createServer(listener)` and `createServer(options, listener)` are the forms dynalite, s3rver and the hub use.
(http as { createServer: unknown }).createServer = (...args: unknown[]) => {
  const index = args.findIndex((arg) => typeof arg === 'function');
  if (index >= 0) args[index] = gated(args[index] as Listener);
  return (original as (...a: unknown[]) => http.Server)(...args);
};
