import { describe, expect, it } from 'vitest';
import { DEFAULT_MODEL_ID, ENV, runtimeConfigFromEnv } from '../../functions/config/runtime-config.js';
import { createHubDependencies } from '../../functions/wiring/hub-dependencies.js';
import { createWorkflowDependencies } from '../../functions/wiring/workflow-dependencies.js';

describe('Lambda wiring from the environment', () => {
  it('builds every port of a function that has only its own settings (no cursor key, no tenants secret)', () => {
    // Prepare: what create-communication gets — a table and buckets, nothing else
    const config = runtimeConfigFromEnv({ [ENV.tableName]: 't', [ENV.rawArchiveBucket]: 'raw', [ENV.blobBucket]: 'blobs', AWS_REGION: 'ap-southeast-1' });
    // Act
    const deps = createHubDependencies(config);
    // Assess: constructing the ports touches no missing setting
    expect(() => [deps.records, deps.customers, deps.workItems, deps.blobs, deps.tenants, deps.replayGuard]).not.toThrow();
  });

  it('builds the blob store of a function with the blob bucket and no raw archive (create-upload, get-communication, get-report)', async () => {
    // Prepare: the environment of a function with blobs but rawArchive 'none'; signing needs no network
    const config = { ...runtimeConfigFromEnv({ [ENV.tableName]: 't', [ENV.blobBucket]: 'blobs', AWS_REGION: 'ap-southeast-1' }), credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' } };
    const deps = createHubDependencies(config);

    // Act
    const upload = await deps.blobs.presignUpload('uploads/T001/u1/a.m4a', 'audio/mp4', 60);
    const download = await deps.blobs.presignDownload('attachments/T001/ab/abc', 60);

    // Assess: each bucket is required only when used
    expect(new URL(upload).hostname).toBe('blobs.s3.ap-southeast-1.amazonaws.com');
    expect(new URL(download).pathname).toBe('/attachments/T001/ab/abc');
    expect(() => deps.blobs.presignDownload('raw/T001/api/2024/05/01/R1/digest', 60)).toThrow(/COMMHUB_RAW_ARCHIVE_BUCKET/);
  });

  it('names the missing variable when a port that needs it is used', async () => {
    const deps = createHubDependencies(runtimeConfigFromEnv({ AWS_REGION: 'ap-southeast-1' }));
    expect(() => deps.records).toThrow(/COMMHUB_TABLE_NAME/);
    await expect(createHubDependencies(runtimeConfigFromEnv({})).tenants.getTenant('T001')).rejects.toThrow(/COMMHUB_TENANTS_SECRET_ARN/);
  });

  it('wires the workflow steps: Bedrock with the local fallback by default, rules only for "local", the state machines and the bus by name', () => {
    // Prepare
    const env = { [ENV.tableName]: 't', [ENV.blobBucket]: 'blobs', AWS_REGION: 'ap-southeast-1' };
    const withModel = runtimeConfigFromEnv(env);
    const rulesOnly = runtimeConfigFromEnv({ ...env, [ENV.modelId]: 'local' });

    // Act
    const deps = createWorkflowDependencies(withModel, createHubDependencies(withModel));
    const local = createWorkflowDependencies(rulesOnly, createHubDependencies(rulesOnly));

    // Assess
    expect(withModel.modelId).toBe(DEFAULT_MODEL_ID);
    expect(deps.analyzerUsesModel).toBe(true);
    expect(local.analyzerUsesModel).toBe(false);
    expect(local.analyzer).toBe(local.localAnalyzer);
    expect(deps.transcriber.available).toBe(true);
    expect(deps.mailer).toBeNull(); // no sender configured: alerts are stored, not emailed
    expect(() => deps.records).not.toThrow();
    expect(() => deps.workflows).toThrow(/COMMHUB_TEXT_WORKFLOW_ARN/);
    expect(() => deps.events).toThrow(/COMMHUB_EVENT_BUS_NAME/);
  });
});

