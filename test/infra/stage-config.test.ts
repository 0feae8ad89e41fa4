import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RESERVED_CONCURRENCY, StageConfigError, stageConfigFromContext } from '../../lib/stage-config.js';

const configFrom = (context: Record<string, unknown>) => stageConfigFromContext(new App({ context }).node);
const INSTANCE_A = 'arn:aws:connect:ap-southeast-1:123456789012:instance/12345678-90ab-cdef-1234-567890abcdef';
const CERTIFICATE = 'arn:aws:acm:us-east-1:123456789012:certificate/12345678-90ab-cdef-1234-567890abcdef';
const INSTANCE_B = 'arn:aws:connect:ap-southeast-1:123456789012:instance/fedcba09-8765-4321-fedc-ba0987654321';

describe('stageConfigFromContext', () => {
  it('defaults to the dev stage in ap-southeast-1 without deletion protection', () => {
    // Prepare
    const context = {};

    // Act
    const config = configFrom(context);

    // Assess
    expect(config).toEqual({
      stage: 'dev',
      region: 'ap-southeast-1',
      retentionDays: 365,
      allowedOrigins: [],
      deletionProtection: false,
      modelId: 'amazon.nova-micro-v1:0',
      reportTimeZones: ['Asia/Shanghai'],
      logRetentionDays: 30,
      analysisConcurrency: DEFAULT_RESERVED_CONCURRENCY.analysis,
      transcriptionConcurrency: DEFAULT_RESERVED_CONCURRENCY.transcription,
      reportConcurrency: DEFAULT_RESERVED_CONCURRENCY.report,
      machineClients: ['integrations'],
      console: true,
    });
  });

  it('takes log retention and reserved concurrency from context, strings from the command line too', () => {
    // Prepare
    const context = { logRetentionDays: '90', analysisConcurrency: '25', transcriptionConcurrency: 0, reportConcurrency: 4 };

    // Act
    const config = configFrom(context);

    // Assess
    expect(config).toMatchObject({ logRetentionDays: 90, analysisConcurrency: 25, transcriptionConcurrency: 0, reportConcurrency: 4 });
  });

  it('lists the retention periods CloudWatch Logs accepts when logRetentionDays is not one', () => {
    expect(() => configFrom({ logRetentionDays: 45 })).toThrow(/context key "logRetentionDays": must be one of .*30, 60, 90/);
  });

  it('takes a Bedrock model id or inference profile, or "local", and names a bad one', () => {
    expect(configFrom({ modelId: 'apac.amazon.nova-micro-v1:0' }).modelId).toBe('apac.amazon.nova-micro-v1:0');
    expect(configFrom({ modelId: 'anthropic.claude-3-haiku-20240307-v1:0' }).modelId).toBe('anthropic.claude-3-haiku-20240307-v1:0');
    expect(configFrom({ modelId: 'local' }).modelId).toBe('local');
    expect(() => configFrom({ modelId: 'gpt 4' })).toThrow(/context key "modelId"/);
    expect(() => configFrom({ mailFrom: 'not-an-address' })).toThrow(/context key "mailFrom"/);
  });

  it('turns deletion protection on for the prod stage', () => {
    // Prepare
    const context = { stage: 'prod', region: 'cn-north-1', alarmEmail: 'ops@example.com' };

    // Act
    const config = configFrom(context);

    // Assess
    expect(config).toMatchObject({ stage: 'prod', region: 'cn-north-1', alarmEmail: 'ops@example.com', deletionProtection: true });
  });

  it('accepts retentionDays given on the command line as a string', () => {
    // Prepare
    const context = { retentionDays: '30', allowedOrigins: ['https://console.example.com'] };

    // Act
    const config = configFrom(context);

    // Assess
    expect(config.retentionDays).toBe(30);
    expect(config.allowedOrigins).toEqual(['https://console.example.com']);
  });

  it.each([
    ['retentionDays', { retentionDays: -1 }],
    ['retentionDays', { retentionDays: 'a year' }],
    ['allowedOrigins', { allowedOrigins: 'https://console.example.com' }],
    ['allowedOrigins', { allowedOrigins: ['https://console.example.com/app'] }],
    ['alarmEmail', { alarmEmail: 'not-an-email' }],
    ['stage', { stage: 'Prod!' }],
    ['region', { region: 'mars-1' }],
    ['inboundEmailDomain', { inboundEmailDomain: 'https://mail.example.com' }],
    ['inboundEmailDomain', { inboundEmailDomain: 'inbox@mail.example.com' }],
    ['inboundEmailDomain', { inboundEmailDomain: 'localhost' }],
    ['inboundEmailDomain', { inboundEmailDomain: '-mail.example.com' }],
    ['inboundEmailDomain', { inboundEmailDomain: 'mail.example.com.' }],
    ['inboundEmailDomain', { inboundEmailDomain: 42 }],
    ['connectInstanceArns', { connectInstanceArns: ['arn:aws:connect:ap-southeast-1:123456789012:instance/not-a-uuid'] }],
    ['connectInstanceArns', { connectInstanceArns: ['arn:aws:connect:us-east-1:123456789012:instance/12345678-90ab-cdef-1234-567890abcdef'] }],
    ['connectInstanceArns', { connectInstanceArns: 42 }],
    ['logRetentionDays', { logRetentionDays: 0 }],
    ['logRetentionDays', { logRetentionDays: 'forever' }],
    ['analysisConcurrency', { analysisConcurrency: -1 }],
    ['transcriptionConcurrency', { transcriptionConcurrency: 2.5 }],
    ['reportConcurrency', { reportConcurrency: 5000 }],
    ['reportConcurrency', { reportConcurrency: 'many' }],
    ['machineClients', { machineClients: [] }],
    ['machineClients', { machineClients: 'ERP' }],
    ['machineClients', { machineClients: 'erp,erp' }],
    ['console', { console: 'no' }],
    ['consoleDomainName', { consoleDomainName: 'https://console.example.com', consoleCertificateArn: CERTIFICATE }],
    ['consoleDomainName', { consoleCertificateArn: CERTIFICATE }],
    ['consoleDomainName', { console: false, consoleDomainName: 'console.example.com', consoleCertificateArn: CERTIFICATE }],
    ['consoleCertificateArn', { consoleDomainName: 'console.example.com' }],
    ['consoleCertificateArn', { consoleDomainName: 'console.example.com', consoleCertificateArn: CERTIFICATE.replace('us-east-1', 'ap-southeast-1') }],
  ])('rejects an invalid %s with an error naming the context key', (key, context) => {
    // Prepare
    const build = () => configFrom(context);

    // Act
    let error: unknown;
    try {
      build();
    } catch (thrown) {
      error = thrown;
    }

    // Assess
    expect(error).toBeInstanceOf(StageConfigError);
    expect((error as Error).message).toContain(`context key "${key}"`);
  });

  it('hosts the web console unless console is false (from cdk.json or -c console=false) or the region is in China, with a custom domain when both keys are set', () => {
    // Act
    const off = [configFrom({ console: false }), configFrom({ console: 'false' }), configFrom({ region: 'cn-north-1' })];
    const custom = configFrom({ console: 'true', consoleDomainName: 'Console.Example.com', consoleCertificateArn: CERTIFICATE });

    // Assess
    for (const config of off) expect(config).toMatchObject({ console: false });
    expect(custom).toMatchObject({ console: true, consoleDomain: { name: 'console.example.com', certificateArn: CERTIFICATE } });
    expect(configFrom({}).consoleDomain).toBeUndefined();
    expect(configFrom({ region: 'cn-north-1', console: true }).console).toBe(true);
  });

  it('accepts an inbound email domain, lower-cased', () => {
    // Prepare
    const context = { inboundEmailDomain: ' Mail.Example.COM ' };

    // Act
    const config = configFrom(context);

    // Assess
    expect(config.inboundEmailDomain).toBe('mail.example.com');
  });

  it.each([
    ['an array', [INSTANCE_A, INSTANCE_B]],
    ['a comma-separated string (-c on the command line)', `${INSTANCE_A}, ${INSTANCE_B}`],
    ['a JSON array string', JSON.stringify([INSTANCE_A, INSTANCE_B])],
  ])('accepts Connect instance ARNs of the deployment region given as %s', (_form, connectInstanceArns) => {
    // Prepare
    const context = { connectInstanceArns };

    // Act
    const config = configFrom(context);

    // Assess
    expect(config.connectInstanceArns).toEqual([INSTANCE_A, INSTANCE_B]);
  });

  it('leaves inbound email and the Connect instance filter out when not configured', () => {
    // Prepare
    const context = { connectInstanceArns: [] };

    // Act
    const config = configFrom(context);

    // Assess
    expect(config).not.toHaveProperty('inboundEmailDomain');
    expect(config).not.toHaveProperty('connectInstanceArns');
  });

  it('reports every invalid key at once', () => {
    // Prepare
    const context = { retentionDays: 0, allowedOrigins: 42 };

    // Act
    const build = () => configFrom(context);

    // Assess
    expect(build).toThrow(/context key "retentionDays".*context key "allowedOrigins"/);
  });
});
