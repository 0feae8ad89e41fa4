import { describe, expect, it } from 'vitest';
import { ENV, runtimeConfigFromEnv } from '../../functions/config/runtime-config.js';
import { createHubDependencies } from '../../functions/wiring/hub-dependencies.js';

describe('Lambda wiring from the environment', () => {
  it('builds every port of a function that has only its own settings (no cursor key, no tenants secret)', () => {
    // Prepare: what create-communication gets — a table and buckets, nothing else
    const config = runtimeConfigFromEnv({ [ENV.tableName]: 't', [ENV.rawArchiveBucket]: 'raw', [ENV.blobBucket]: 'blobs', AWS_REGION: 'ap-southeast-1' });
    // Act
    const deps = createHubDependencies(config);
    // Assess: constructing the ports touches no missing setting
    expect(() => [deps.records, deps.customers, deps.workItems, deps.blobs, deps.tenants, deps.replayGuard]).not.toThrow();
  });

  it('names the missing variable when a port that needs it is used', async () => {
    const deps = createHubDependencies(runtimeConfigFromEnv({ AWS_REGION: 'ap-southeast-1' }));
    expect(() => deps.records).toThrow(/COMMHUB_TABLE_NAME/);
    await expect(createHubDependencies(runtimeConfigFromEnv({})).tenants.getTenant('T001')).rejects.toThrow(/COMMHUB_TENANTS_SECRET_ARN/);
  });
});
