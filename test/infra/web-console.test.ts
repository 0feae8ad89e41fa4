import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { App } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseConsoleConfig } from '../../web/console-config.js';
import { PERMISSIONS_POLICY } from '../../web/security-headers.js';
import { BUILD_TIMEOUT_MS, logicalIdOf, synthCommHub } from './synth-commhub.js';

type Resource = { Type: string; Properties: Record<string, any>; DependsOn?: string | string[] };

const CERTIFICATE = 'arn:aws:acm:us-east-1:123456789012:certificate/12345678-90ab-cdef-1234-567890abcdef';

/** A CloudFormation value as text: `Ref` as `<Name>`, `Fn::GetAtt` as `<Resource.Attribute>`, joins concatenated. */
function text(value: unknown): string {
  if (typeof value === 'string') return value;
  const object = value as Record<string, any>;
  if (Array.isArray(object['Fn::Join'])) return (object['Fn::Join'][1] as unknown[]).map(text).join(object['Fn::Join'][0]);
  if (Array.isArray(object['Fn::GetAtt'])) return `<${object['Fn::GetAtt'].join('.')}>`;
  if (object.Ref !== undefined) return `<${object.Ref}>`;
  return JSON.stringify(value);
}

/** The first dependency cycle among the template's resources (Ref, GetAtt, Sub, DependsOn), if any. */
function dependencyCycle(template: Template): string[] | undefined {
  const resources = template.toJSON().Resources as Record<string, Resource>;
  const references = (node: unknown, found = new Set<string>()): Set<string> => {
    if (Array.isArray(node)) node.forEach((item) => references(item, found));
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'Ref' && typeof value === 'string' && value in resources) found.add(value);
        else if (key === 'Fn::GetAtt' && Array.isArray(value) && value[0] in resources) found.add(value[0]);
        else if (key === 'Fn::Sub') for (const [, name] of JSON.stringify(value).matchAll(/\$\{([^}.!]+)/g)) if (name && name in resources) found.add(name);
        references(value, found);
      }
    }
    return found;
  };
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];
  const visit = (id: string): string[] | undefined => {
    if (state.get(id) === 'done') return undefined;
    if (state.get(id) === 'visiting') return [...path.slice(path.indexOf(id)), id];
    state.set(id, 'visiting');
    path.push(id);
    const resource = resources[id] as Resource;
    for (const next of new Set([...references(resource.Properties), ...[resource.DependsOn ?? []].flat()])) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(id, 'done');
    return undefined;
  };
  for (const id of Object.keys(resources)) {
    const cycle = visit(id);
    if (cycle) return cycle;
  }
  return undefined;
}

describe('WebConsole', () => {
  let app: App;
  let template: Template;
  let custom: Template;
  let customStack: ReturnType<typeof synthCommHub>['stack'];
  let off: Template;
  let ids: Record<'bucket' | 'requestLogs' | 'accessLogs' | 'distribution' | 'api' | 'cognitoDomain' | 'blobs' | 'peopleClient' | 'role' | 'logs', string>;
  const resources = (type: string, t = template) => Object.entries(t.findResources(type)) as [string, Resource][];
  const deployments = () => resources('Custom::CDKBucketDeployment').sort(([a], [b]) => a.localeCompare(b));

  beforeAll(() => {
    ({ app, template } = synthCommHub({ context: { stage: 'dev', allowedOrigins: ['https://staff.example.com'] } }));
    ({ template: custom, stack: customStack } = synthCommHub({ context: { stage: 'prod', consoleDomainName: 'console.example.com', consoleCertificateArn: CERTIFICATE } }));
    off = synthCommHub({ context: { stage: 'dev', console: false } }).template;
    ids = {
      bucket: logicalIdOf(template, 'AWS::S3::Bucket', 'WebConsoleBucket'),
      requestLogs: logicalIdOf(template, 'AWS::S3::Bucket', 'WebConsoleRequestLogs'),
      accessLogs: logicalIdOf(template, 'AWS::S3::Bucket', 'StorageAccessLogs'),
      distribution: logicalIdOf(template, 'AWS::CloudFront::Distribution', 'WebConsoleDistribution'),
      api: logicalIdOf(template, 'AWS::ApiGatewayV2::Api', 'IngestionApi'),
      cognitoDomain: logicalIdOf(template, 'AWS::Cognito::UserPoolDomain', 'AuthUserPoolDomain'),
      blobs: logicalIdOf(template, 'AWS::S3::Bucket', 'StorageBlobs'),
      peopleClient: logicalIdOf(template, 'AWS::Cognito::UserPoolClient', 'AuthUserPoolPeopleClient'),
      role: logicalIdOf(template, 'AWS::IAM::Role', 'WebConsoleDeploymentRole'),
      logs: logicalIdOf(template, 'AWS::Logs::LogGroup', 'WebConsoleDeploymentLogs'),
    };
  }, BUILD_TIMEOUT_MS);

  it('keeps the files in a private, TLS-only, SSE-S3 bucket that only this distribution reads (OAC, no OAI)', () => {
    // Prepare
    const [, policy] = resources('AWS::S3::BucketPolicy').find(([, p]) => p.Properties.Bucket.Ref === ids.bucket) as [string, Resource];
    const statements = policy.Properties.PolicyDocument.Statement as Record<string, any>[];

    // Assess
    template.hasResourceProperties('AWS::S3::Bucket', {
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      LoggingConfiguration: { DestinationBucketName: { Ref: ids.accessLogs }, LogFilePrefix: 'console/' },
      VersioningConfiguration: Match.absent(),
    });
    expect(statements).toEqual(
      expect.arrayContaining([expect.objectContaining({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]),
    );
    const reads = statements.filter((statement) => statement.Effect === 'Allow');
    expect(reads.map((statement) => [statement.Principal, statement.Action, text(statement.Resource), text(statement.Condition.StringEquals['AWS:SourceArn'])])).toEqual([
      [{ Service: 'cloudfront.amazonaws.com' }, 's3:GetObject', `<${ids.bucket}.Arn>/*`, `arn:<AWS::Partition>:cloudfront::<AWS::AccountId>:distribution/<${ids.distribution}>`],
    ]);
    template.resourceCountIs('AWS::CloudFront::CloudFrontOriginAccessIdentity', 0);
    template.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: { OriginAccessControlOriginType: 's3', SigningBehavior: 'always', SigningProtocol: 'sigv4' },
    });
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Origins: [Match.objectLike({ DomainName: { 'Fn::GetAtt': [ids.bucket, 'RegionalDomainName'] }, OriginAccessControlId: Match.anyValue() })],
      }),
    });
  });

  it('serves HTTPS only, index.html at the root and for every deep link, compressed over HTTP/2 and 3, with request logs', () => {
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: 'index.html',
        DefaultCacheBehavior: Match.objectLike({ ViewerProtocolPolicy: 'redirect-to-https', Compress: true, AllowedMethods: ['GET', 'HEAD'] }),
        CustomErrorResponses: [
          { ErrorCode: 403, ResponseCode: 200, ResponsePagePath: '/index.html' },
          { ErrorCode: 404, ResponseCode: 200, ResponsePagePath: '/index.html' },
        ],
        HttpVersion: 'http2and3',
        PriceClass: 'PriceClass_200',
        Logging: { Bucket: { 'Fn::GetAtt': [ids.requestLogs, 'RegionalDomainName'] }, Prefix: 'cloudfront/' },
        Aliases: Match.absent(),
        ViewerCertificate: Match.absent(),
      }),
    });
    // CloudFront's standard logs are written through an ACL grant, so that bucket keeps ACLs on; its own access is logged too.
    template.hasResourceProperties('AWS::S3::Bucket', {
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerPreferred' }] },
      LoggingConfiguration: { DestinationBucketName: { Ref: ids.accessLogs }, LogFilePrefix: 'console-request-logs/' },
      LifecycleConfiguration: { Rules: [Match.objectLike({ ExpirationInDays: 90 })] },
    });
  });

  it('sends the security headers of web/security-headers.ts, the CSP naming the regional API, Cognito and the blob bucket', () => {
    // Prepare
    const [[, policy]] = resources('AWS::CloudFront::ResponseHeadersPolicy') as [[string, Resource]];
    const { SecurityHeadersConfig: headers, CustomHeadersConfig: custom } = policy.Properties.ResponseHeadersPolicyConfig;
    const blobs = `https://<${ids.blobs}.RegionalDomainName>`;

    // Assess
    expect(text(headers.ContentSecurityPolicy.ContentSecurityPolicy)).toBe(
      [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        `img-src 'self' data: ${blobs}`,
        `media-src 'self' ${blobs}`,
        `connect-src 'self' https://*.execute-api.ap-southeast-1.<AWS::URLSuffix> https://<${ids.cognitoDomain}>.auth.ap-southeast-1.amazoncognito.com`,
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        'upgrade-insecure-requests',
      ].join('; '),
    );
    expect(headers).toMatchObject({
      ContentSecurityPolicy: { Override: true },
      StrictTransportSecurity: { AccessControlMaxAgeSec: 31_536_000, IncludeSubdomains: true, Override: true },
      ContentTypeOptions: { Override: true },
      FrameOptions: { FrameOption: 'DENY', Override: true },
      ReferrerPolicy: { ReferrerPolicy: 'strict-origin-when-cross-origin', Override: true },
    });
    expect(custom.Items).toEqual([{ Header: 'Permissions-Policy', Value: PERMISSIONS_POLICY, Override: true }]);
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({ DefaultCacheBehavior: Match.objectLike({ ResponseHeadersPolicyId: { Ref: logicalIdOf(template, 'AWS::CloudFront::ResponseHeadersPolicy', 'WebConsole') } }) }),
    });
  });

  it('deploys a config.json naming the API, the people client, Cognito and the console callback, in the shape the console parses', () => {
    // Prepare: the entry deployment's second source is config.json, with a marker per deploy-time value
    const [, entry] = deployments().find(([id]) => id.startsWith('WebConsoleDeploymentEntry')) as [string, Resource];
    const { SourceObjectKeys: keys, SourceMarkers: markers } = entry.Properties as { SourceObjectKeys: string[]; SourceMarkers: Record<string, unknown>[] };
    const file = readFileSync(join(app.synth().directory, `asset.${keys[1]?.replace(/\.zip$/, '')}`, 'config.json'), 'utf8');

    // Act
    const deployed = Object.entries(markers[1] ?? {}).reduce((json, [marker, value]) => json.split(marker).join(text(value)), file);

    // Assess
    expect(JSON.parse(deployed)).toEqual({
      mode: 'aws',
      apiUrl: `<${ids.api}.ApiEndpoint>`,
      auth: {
        domainUrl: `https://<${ids.cognitoDomain}>.auth.ap-southeast-1.amazoncognito.com`,
        clientId: `<${ids.peopleClient}>`,
        redirectUri: `https://<${ids.distribution}.DomainName>/auth/callback`,
        scopes: ['openid', 'email', 'profile', 'commhub/read'],
      },
    });
    expect(parseConsoleConfig(JSON.parse(deployed))).toMatchObject({ mode: 'aws', auth: { clientId: `<${ids.peopleClient}>` } });
  });

  it('caches hashed assets for a year and everything else never, deploys the assets first, and invalidates the distribution', () => {
    // Prepare
    const [[assetsId, assets], [, entry]] = deployments() as [[string, Resource], [string, Resource]];

    // Assess
    expect(assetsId).toMatch(/^WebConsoleDeploymentAssets/);
    expect(assets.Properties).toMatchObject({
      Exclude: ['*'],
      Include: ['assets/*'],
      SystemMetadata: { 'cache-control': 'public, max-age=31536000, immutable' },
      // Earlier builds' assets stay for pages loaded before a deploy.
      Prune: false,
    });
    expect(assets.Properties.DistributionId).toBeUndefined();
    expect(entry.Properties).toMatchObject({
      Exclude: ['assets/*'],
      SystemMetadata: { 'cache-control': 'no-cache' },
      Prune: true,
      DistributionId: { Ref: ids.distribution },
      DistributionPaths: ['/*'],
    });
    expect([entry.DependsOn].flat()).toContain(assetsId);
  });

  it('lets the deployment handler touch the console bucket, its two source objects, its log group and this distribution only', () => {
    // Prepare
    const [[, role]] = resources('AWS::IAM::Role').filter(([id]) => id === ids.role) as [[string, Resource]];
    const statements = (role.Properties.Policies as { PolicyDocument: { Statement: Record<string, unknown>[] } }[]).flatMap((policy) => policy.PolicyDocument.Statement);
    const [[, handler]] = resources('AWS::Lambda::Function').filter(([id]) => id.startsWith('CustomCDKBucketDeployment')) as [[string, Resource]];

    // Act
    const granted = statements.map((statement) => [[statement.Action].flat(), [statement.Resource].flat().map(text)]);

    // Assess
    expect(granted).toEqual([
      [['logs:CreateLogStream', 'logs:PutLogEvents'], [`<${ids.logs}.Arn>`]],
      [['s3:ListBucket'], [`<${ids.bucket}.Arn>`]],
      [['s3:DeleteObject', 's3:PutObject'], [`<${ids.bucket}.Arn>/*`]],
      [['cloudfront:CreateInvalidation', 'cloudfront:GetInvalidation'], [`arn:aws:cloudfront::123456789012:distribution/<${ids.distribution}>`]],
      [['s3:GetObject'], [expect.stringMatching(/^arn:aws:s3:::cdk-hnb659fds-assets-123456789012-ap-southeast-1\/\w+\.zip$/), expect.stringMatching(/\.zip$/)]],
    ]);
    template.resourceCountIs('AWS::IAM::Policy', Object.keys(off.findResources('AWS::IAM::Policy')).length);
    expect(handler.Properties).toMatchObject({ Role: { 'Fn::GetAtt': [ids.role, 'Arn'] }, LoggingConfig: { LogGroup: { Ref: ids.logs } }, Architectures: ['arm64'] });
    template.resourceCountIs('AWS::Lambda::LayerVersion', 1);
  });

  it('adds the console to the API CORS origins and to the people client callback and logout URLs, beside allowedOrigins', () => {
    // Prepare
    const consoleUrl = `https://<${ids.distribution}.DomainName>`;
    const [[, api]] = resources('AWS::ApiGatewayV2::Api') as [[string, Resource]];
    const [[, client]] = resources('AWS::Cognito::UserPoolClient').filter(([id]) => id === ids.peopleClient) as [[string, Resource]];

    // Assess
    expect(api.Properties.CorsConfiguration.AllowOrigins.map(text)).toEqual(['https://staff.example.com', consoleUrl]);
    expect(client.Properties.CallbackURLs.map(text)).toEqual(['https://staff.example.com/auth/callback', `${consoleUrl}/auth/callback`]);
    expect(client.Properties.LogoutURLs.map(text)).toEqual(['https://staff.example.com/', `${consoleUrl}/`]);
    expect(text(template.toJSON().Outputs.ConsoleUrl.Value)).toBe(consoleUrl);
  });

  it('has no dependency cycle: with a CloudFront domain the API names the distribution, so the distribution does not name the API', () => {
    // Prepare
    const [[, policy]] = resources('AWS::CloudFront::ResponseHeadersPolicy') as [[string, Resource]];

    // Assess
    expect(dependencyCycle(template)).toBeUndefined();
    expect(dependencyCycle(custom)).toBeUndefined();
    expect(JSON.stringify(policy)).not.toContain(ids.api);
  });

  it('serves a custom domain with its us-east-1 certificate over TLS 1.2 at least, and then lets the CSP name the exact API', () => {
    // Prepare
    const api = logicalIdOf(custom, 'AWS::ApiGatewayV2::Api', 'IngestionApi');
    const [[, policy]] = resources('AWS::CloudFront::ResponseHeadersPolicy', custom) as [[string, Resource]];
    const outputs = custom.toJSON().Outputs;

    // Act
    const csp = text(policy.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy);
    const report = new AwsSolutionsChecks().validateScope(customStack);

    // Assess
    custom.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Aliases: ['console.example.com'],
        ViewerCertificate: { AcmCertificateArn: CERTIFICATE, MinimumProtocolVersion: 'TLSv1.2_2021', SslSupportMethod: 'sni-only' },
      }),
    });
    expect(csp).toContain(`connect-src 'self' <${api}.ApiEndpoint> https://`);
    expect(outputs.ConsoleUrl.Value).toBe('https://console.example.com');
    expect(text(outputs.ConsoleDistributionDomainName.Value)).toMatch(/^<WebConsoleDistribution\w+\.DomainName>$/);
    custom.hasResourceProperties('AWS::ApiGatewayV2::Api', { CorsConfiguration: Match.objectLike({ AllowOrigins: ['https://console.example.com'] }) });
    custom.hasResourceProperties('AWS::Cognito::UserPoolClient', { CallbackURLs: ['https://console.example.com/auth/callback'], LogoutURLs: ['https://console.example.com/'] });
    // No CFR4 acknowledgment is needed (nor made) with a certificate; prod retains both buckets.
    expect(report.violations).toEqual([]);
    expect(Object.values(custom.findResources('AWS::S3::Bucket')).map((bucket) => bucket.DeletionPolicy)).toEqual(['Retain', 'Retain', 'Retain', 'Retain', 'Retain']);
  });

  it('creates none of it with console: false', () => {
    // Prepare
    const client = Object.values(off.findResources('AWS::Cognito::UserPoolClient')).find((c) => c.Properties.AllowedOAuthFlows?.includes('code'));

    // Assess
    off.resourceCountIs('AWS::CloudFront::Distribution', 0);
    off.resourceCountIs('AWS::CloudFront::ResponseHeadersPolicy', 0);
    off.resourceCountIs('Custom::CDKBucketDeployment', 0);
    off.resourceCountIs('AWS::Lambda::LayerVersion', 0);
    expect(Object.keys(off.findResources('AWS::S3::Bucket')).every((id) => id.startsWith('Storage'))).toBe(true);
    expect(off.toJSON().Outputs.ConsoleUrl).toBeUndefined();
    off.hasResourceProperties('AWS::ApiGatewayV2::Api', { CorsConfiguration: Match.absent() });
    expect(client?.Properties.CallbackURLs).toEqual(['http://localhost:3000/auth/callback']);
  });

  it('adds at most 15 resources to the stack', () => {
    expect(Object.keys(template.toJSON().Resources).length - Object.keys(off.toJSON().Resources).length).toBeLessThanOrEqual(15);
  });
});
