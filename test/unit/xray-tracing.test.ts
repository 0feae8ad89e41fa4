import { createSocket } from 'node:dgram';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withCorrelation } from '../../functions/observability/correlation.js';
import { daemonAddress, type SubsegmentDocument } from '../../functions/observability/xray-emitter.js';
import { formatTraceHeader, parseTraceHeader } from '../../functions/observability/xray-trace-header.js';

/**
 * Tracing as a Lambda function with active tracing does it: the X-Ray endpoint is a UDP socket here,
 * the AWS service a loopback HTTP server answering like DynamoDB, and the SDK client a real one.
 */
const ROOT = '1-67a0b0c0-0123456789abcdef01234567';
const FACADE = '0123456789abcdef';

const datagrams: string[] = [];
const daemon = createSocket('udp4');
daemon.on('message', (message) => datagrams.push(message.toString()));
await new Promise<void>((resolve) => daemon.bind(0, '127.0.0.1', resolve));

/** What the service saw, and what it answers next: 200 with an empty item, or a 400 of `errorType`. */
const service = { headers: [] as IncomingHttpHeaders[], errorType: undefined as string | undefined };
const server = createServer((request, response) => {
  service.headers.push(request.headers);
  request.resume();
  request.on('end', () => {
    const errorType = service.errorType;
    response.writeHead(errorType ? 400 : 200, { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': 'REQ-1', ...(errorType ? { 'x-amzn-errortype': errorType } : {}) });
    response.end(JSON.stringify(errorType ? { __type: errorType, message: 'secret payload text' } : {}));
  });
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

const LAMBDA_ENV = {
  AWS_LAMBDA_FUNCTION_NAME: 'CommHub-test-Function',
  AWS_XRAY_DAEMON_ADDRESS: `127.0.0.1:${(daemon.address() as AddressInfo).port}`,
  _HANDLER: 'index.handler',
};
const saved = Object.fromEntries(Object.keys({ ...LAMBDA_ENV, _X_AMZN_TRACE_ID: '' }).map((name) => [name, process.env[name]]));
Object.assign(process.env, LAMBDA_ENV);
// Imported once the environment is Lambda's, as a bundle's modules are.
const { inHandlerSubsegment, traced, tracingWanted } = await import('../../functions/observability/tracing.js');

afterAll(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  daemon.close();
  server.close();
});

const client = () =>
  traced(
    new DynamoDBClient({
      region: 'ap-southeast-1',
      endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test-secret' },
      maxAttempts: 1,
    }),
  );

/** The documents received since `from`, parsed after their protocol header line. */
async function documentsSince(from: number, count: number): Promise<SubsegmentDocument[]> {
  for (let waited = 0; datagrams.length < from + count && waited < 2_000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
  return datagrams.slice(from).map((datagram) => {
    const [header, body] = datagram.split('\n');
    expect(header).toBe('{"format":"json","version":1}');
    return JSON.parse(body!) as SubsegmentDocument;
  });
}

describe('X-Ray tracing', () => {
  beforeAll(() => {
    service.headers.length = 0;
  });

  it('reads and writes trace headers, and the daemon address in both of its forms', () => {
    // Act / Assess
    expect(parseTraceHeader(`Root=${ROOT};Parent=${FACADE};Sampled=1;Lineage=a:1`)).toEqual({ root: ROOT, parent: FACADE, sampled: true, extra: ['Lineage=a:1'] });
    expect(parseTraceHeader(`Root=${ROOT};Sampled=0`)).toEqual({ root: ROOT, parent: undefined, sampled: false, extra: [] });
    expect(parseTraceHeader('Sampled=1')).toBeUndefined();
    expect(formatTraceHeader(parseTraceHeader(`Root=${ROOT};Parent=${FACADE};Sampled=1;Lineage=a:1`)!, 'feedfacefeedface')).toBe(`Root=${ROOT};Parent=feedfacefeedface;Sampled=1;Lineage=a:1`);
    expect(daemonAddress('169.254.79.129:2000')).toEqual({ host: '169.254.79.129', port: 2000 });
    expect(daemonAddress('tcp:127.0.0.1:2000 udp:127.0.0.2:2001')).toEqual({ host: '127.0.0.2', port: 2001 });
    expect(daemonAddress('nonsense')).toBeUndefined();
    expect(tracingWanted({ AWS_LAMBDA_FUNCTION_NAME: 'f', AWS_XRAY_DAEMON_ADDRESS: '169.254.79.129:2000' })).toBe(true);
    expect(tracingWanted({ AWS_LAMBDA_FUNCTION_NAME: 'f' })).toBe(false);
    expect(tracingWanted({ AWS_LAMBDA_FUNCTION_NAME: 'f', AWS_XRAY_DAEMON_ADDRESS: 'x', POWERTOOLS_TRACE_ENABLED: 'false' })).toBe(false);
  });

  it('sends the handler subsegment under the facade and each SDK call under it, and passes the trace on to the service', async () => {
    // Prepare
    process.env._X_AMZN_TRACE_ID = `Root=${ROOT};Parent=${FACADE};Sampled=1`;
    const from = datagrams.length;
    service.errorType = undefined;

    // Act
    await withCorrelation({ tenantId: 'T001', executionId: 'exec-1' }, () =>
      inHandlerSubsegment(() => client().send(new GetItemCommand({ TableName: 'commhub-test', Key: { PK: { S: 'T#T001' } } }))),
    );

    // Assess
    const [call, handler] = await documentsSince(from, 2);
    expect(handler).toMatchObject({
      type: 'subsegment',
      trace_id: ROOT,
      parent_id: FACADE,
      name: '## index.handler',
      annotations: { ColdStart: true, Service: expect.any(String), tenantId: 'T001', executionId: 'exec-1' },
    });
    expect(handler!.id).toMatch(/^[0-9a-f]{16}$/);
    expect(handler!.end_time).toBeGreaterThanOrEqual(handler!.start_time);
    expect(handler).not.toHaveProperty('fault');
    expect(call).toEqual({
      type: 'subsegment',
      id: expect.stringMatching(/^[0-9a-f]{16}$/),
      trace_id: ROOT,
      parent_id: handler!.id,
      name: 'DynamoDB',
      namespace: 'aws',
      start_time: expect.any(Number),
      end_time: expect.any(Number),
      aws: { operation: 'GetItem', request_id: 'REQ-1', table_name: 'commhub-test' },
      http: { response: { status: 200 } },
    });
    expect(service.headers.at(-1)!['x-amzn-trace-id']).toBe(`Root=${ROOT};Parent=${call!.id};Sampled=1`);
  });

  it('flags a refused call as an error and a failed invocation as a fault, naming the error but never its message', async () => {
    // Prepare
    process.env._X_AMZN_TRACE_ID = `Root=${ROOT};Parent=${FACADE};Sampled=1`;
    const from = datagrams.length;
    service.errorType = 'ValidationException';

    // Act
    const invocation = inHandlerSubsegment(() => client().send(new GetItemCommand({ TableName: 'commhub-test', Key: { PK: { S: 'x' } } })));

    // Assess
    await expect(invocation).rejects.toMatchObject({ name: 'ValidationException' });
    const [call, handler] = await documentsSince(from, 2);
    expect(call).toMatchObject({ name: 'DynamoDB', error: true, http: { response: { status: 400 } }, aws: { operation: 'GetItem', request_id: 'REQ-1' } });
    expect(call).not.toHaveProperty('fault');
    expect(handler).toMatchObject({ fault: true, annotations: { ColdStart: false, error: 'ValidationException' } });
    expect(datagrams.slice(from).join('')).not.toContain('secret payload text');
  });

  it('sends nothing for an unsampled trace, and leaves the service the trace header the SDK sets itself', async () => {
    // Prepare
    process.env._X_AMZN_TRACE_ID = `Root=${ROOT};Parent=${FACADE};Sampled=0`;
    const from = datagrams.length;
    service.errorType = undefined;

    // Act
    await inHandlerSubsegment(() => client().send(new GetItemCommand({ TableName: 'commhub-test', Key: { PK: { S: 'x' } } })));
    await new Promise((resolve) => setTimeout(resolve, 100));

    // Assess
    expect(datagrams.length).toBe(from);
    expect(service.headers.at(-1)!['x-amzn-trace-id']).toBe(`Root=${ROOT};Parent=${FACADE};Sampled=0`);
  });
});
