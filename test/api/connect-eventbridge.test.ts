import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../embedded/hub.js';
import { DEMO_TENANTS_FILE } from '../../embedded/hub-settings.js';
import { build } from '../../functions/events/connect-contact-events.js';
import { startTestHub, tempDataDir } from '../support/test-hub.js';

const detail = JSON.parse(await readFile(new URL('../../../shared/fixtures/connect/contact-event-detail.docs.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const INSTANCE = detail.instanceArn as string;

describe('Amazon Connect contact events from EventBridge (the AWS path, run against the local servers)', () => {
  let hub: RunningHub;

  beforeAll(async () => {
    // Prepare: the demo tenants, with T001 owning the fixture's Connect instance
    const document = JSON.parse(await readFile(DEMO_TENANTS_FILE, 'utf8'));
    document.tenants.T001.webhooks.connect.instanceArns = [INSTANCE];
    const tenantsFile = join(await tempDataDir(), 'tenants.json');
    await writeFile(tenantsFile, JSON.stringify(document));
    hub = await startTestHub({ tenantsFile });
  });
  afterAll(() => hub?.close());

  const event = (fields: Record<string, unknown>) => ({
    version: '0',
    id: 'evt-1',
    'detail-type': 'Amazon Connect Contact Event',
    source: 'aws.connect',
    account: '123456789012',
    time: '2021-08-04T17:43:48Z',
    region: 'us-west-2',
    resources: [INSTANCE],
    detail: { ...detail, ...fields },
  });

  it('stores the final contact event once for the tenant that lists the instance, and ignores earlier ones', async () => {
    const handler = build(hub.deps);
    const disconnected = event({ eventType: 'DISCONNECTED', disconnectTimestamp: '2021-08-04T17:43:48.000Z', customerEndpoint: { address: '+8613958200001', type: 'TELEPHONE_NUMBER' } });
    const [first, again, earlier] = [await handler(disconnected), await handler(disconnected), await handler(event({}))];
    expect(first).toEqual([{ recordId: expect.stringMatching(/^PHONE-20210804-/), duplicate: false, customerId: null }]);
    expect(again).toEqual([{ ...first[0], duplicate: true }]);
    expect(earlier).toEqual([]);
    const record = await hub.deps.records.getRecord('T001', first[0]?.recordId ?? '');
    expect(record).toMatchObject({ type: 'phone', sourceSystem: 'connect', threadId: 'call:11111111-1111-1111-1111-111111111111', rawArchiveKey: expect.stringMatching(/^raw\/T001\/connect\//) });
  });

  it('stores nothing for an instance no tenant lists', async () => {
    const foreign = event({ eventType: 'DISCONNECTED', instanceArn: 'arn:aws:connect:us-west-2:999999999999:instance/other' });
    expect(await build(hub.deps)(foreign)).toEqual([]);
  });

  it('stores nothing for an event that names no Connect instance, without looking for a tenant', async () => {
    // Prepare: a tenant directory that fails the test if asked
    const deps = { ...hub.deps, tenants: { ...hub.deps.tenants, findTenantByConnectInstance: () => expect.fail('looked up a tenant for an event without an instance') } };

    // Act
    const stored = await build(deps)({ version: '0', id: 'evt-2', 'detail-type': 'Scheduled Event', source: 'aws.events', detail: {} } as never);

    // Assess
    expect(stored).toEqual([]);
  });
});
