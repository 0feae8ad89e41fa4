import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import type * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import type * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { SCOPES } from '../functions/http/routes.js';
import { AUTH_CALLBACK_PATH, type AwsConsoleConfig } from '../web/console-config.js';
import type { Auth } from './auth.js';
import { ConsoleDeployment } from './console-deployment.js';
import { consoleResponseHeadersPolicy } from './console-response-headers.js';
import type { Storage } from './storage.js';

/** Properties of {@link WebConsole}. */
export interface WebConsoleProps {
  /** The blob bucket (presigned downloads the console shows), the server access-log bucket and the data key (deployment logs). */
  readonly storage: Storage;
  /** The people client (authorization code + PKCE) and the Cognito domain staff sign in at. */
  readonly auth: Auth;
  /** The HTTP API the console calls; its endpoint goes into `config.json`. */
  readonly api: apigwv2.IHttpApi;
  /**
   * The API origin the CSP lets the console connect to.
   * @default - every HTTP API of the region (`https://*.execute-api.<region>.<suffix>`): naming this API
   *   would make the distribution depend on the API, whose CORS names the distribution's domain. Pass
   *   `api.apiEndpoint` when nothing of the API depends on the distribution (a custom console domain).
   */
  readonly apiCspOrigin?: string;
  /**
   * OAuth scopes the console asks for at sign-in.
   * @default ['openid', 'email', 'profile', 'commhub/read']
   */
  readonly scopes?: readonly string[];
  /**
   * Custom domain of the console (`console.example.com`); needs {@link certificate}. Point a DNS
   * CNAME (or Route 53 alias) for it at the distribution's domain name.
   * @default - the distribution's `*.cloudfront.net` domain
   */
  readonly domainName?: string;
  /**
   * ACM certificate for {@link domainName}, issued in us-east-1 (CloudFront takes no other region's).
   * @default - none: CloudFront's default certificate
   */
  readonly certificate?: acm.ICertificate;
  /**
   * Edge locations serving the console.
   * @default cloudfront.PriceClass.PRICE_CLASS_200 - North America, Europe, Israel and most of Asia (Hong Kong,
   *   Singapore, Japan, Korea, Taiwan, India…): the staff of the companies CommHub serves work in Asia
   */
  readonly priceClass?: cloudfront.PriceClass;
  /**
   * ARN of an AWS WAF web ACL (scope CLOUDFRONT, in us-east-1) to put in front of the console.
   * @default - no web ACL
   */
  readonly webAclArn?: string;
  /**
   * How long the deployment handler's logs are kept.
   * @default logs.RetentionDays.ONE_MONTH
   */
  readonly logRetention?: logs.RetentionDays;
  /**
   * What happens to the buckets and the log group when they leave the stack. Objects are not
   * auto-deleted: a DESTROY of a non-empty bucket fails, as for the data buckets.
   * @default RemovalPolicy.DESTROY
   */
  readonly removalPolicy?: RemovalPolicy;
}

/** What the console asks for by default: who the user is, and reading the tenant's data. */
export const DEFAULT_CONSOLE_SCOPES: readonly string[] = ['openid', 'email', 'profile', SCOPES.read];

/**
 * The web console on AWS: its static build (`web/`, built by esbuild at synth) in a private bucket,
 * served by CloudFront through Origin Access Control over HTTPS only, with the console's security
 * headers, an SPA fallback to `index.html` and a generated `config.json` naming the API and Cognito.
 */
export class WebConsole extends Construct {
  /** The built files and `config.json`; only CloudFront (OAC) reads it. */
  public readonly bucket: s3.Bucket;
  /** CloudFront standard logs (viewer requests), kept 90 days. */
  public readonly requestLogs: s3.Bucket;
  public readonly responseHeadersPolicy: cloudfront.ResponseHeadersPolicy;
  public readonly distribution: cloudfront.Distribution;
  /** `https://<custom domain or distribution domain>`, without a trailing slash. */
  public readonly url: string;
  /** What `/config.json` holds (with CloudFormation tokens until deployed). */
  public readonly config: AwsConsoleConfig;
  /** Puts the build and `config.json` into {@link bucket} on each deploy. */
  public readonly deployment: ConsoleDeployment;

  constructor(scope: Construct, id: string, props: WebConsoleProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.DESTROY;
    if ((props.domainName === undefined) !== (props.certificate === undefined)) {
      throw new Error('WebConsole needs both domainName and certificate, or neither');
    }

    this.bucket = new s3.Bucket(this, 'Bucket', {
      // SSE-S3: OAC reads it without a key policy, and nothing in it is secret (CloudFront serves every
      // file to anyone; config.json holds public client settings only).
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      // Unversioned: every file is rebuilt from the repository on deploy (a rollback is a redeploy), and
      // versions of pruned files would pile up with nothing to expire them.
      versioned: false,
      serverAccessLogsBucket: props.storage.accessLogs,
      serverAccessLogsPrefix: 'console/',
      removalPolicy,
    });
    this.requestLogs = new s3.Bucket(this, 'RequestLogs', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      // CloudFront standard logging writes through an ACL grant to its log-delivery account, which a
      // bucket with ACLs disabled (BucketOwnerEnforced, like the access-log bucket) refuses.
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(90) }],
      serverAccessLogsBucket: props.storage.accessLogs,
      serverAccessLogsPrefix: 'console-request-logs/',
      removalPolicy,
    });

    const apiCspOrigin = props.apiCspOrigin ?? `https://*.execute-api.${stack.region}.${stack.urlSuffix}`;
    this.responseHeadersPolicy = consoleResponseHeadersPolicy(this, 'SecurityHeaders', {
      connect: [apiCspOrigin, props.auth.domain.baseUrl()],
      // Presigned URLs are virtual-hosted (`<bucket>.s3.<region>.amazonaws.com`), the bucket's regional domain.
      media: [`https://${props.storage.blobs.bucketRegionalDomainName}`],
    });

    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: `CommHub web console (${stack.stackName})`,
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
        // Honours each object's Cache-Control: a year for hashed assets, revalidation for the rest.
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        compress: true,
        responseHeadersPolicy: this.responseHeadersPolicy,
      },
      defaultRootObject: 'index.html',
      // Deep links (/auth/callback, /customers/…) are the SPA's routes, not files: S3 answers 403 for a
      // missing key (OAC has no ListBucket), 404 otherwise; both get index.html and its router.
      errorResponses: [403, 404].map((httpStatus) => ({ httpStatus, responseHttpStatus: 200, responsePagePath: '/index.html' })),
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      priceClass: props.priceClass ?? cloudfront.PriceClass.PRICE_CLASS_200,
      enableLogging: true,
      logBucket: this.requestLogs,
      logFilePrefix: 'cloudfront/',
      ...(props.domainName !== undefined && props.certificate !== undefined
        ? { domainNames: [props.domainName], certificate: props.certificate, minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021 }
        : {}),
      ...(props.webAclArn !== undefined ? { webAclId: props.webAclArn } : {}),
    });
    this.url = `https://${props.domainName ?? this.distribution.distributionDomainName}`;
    this.acknowledgeDistributionFindings(props);

    this.config = {
      mode: 'aws',
      apiUrl: props.api.apiEndpoint,
      auth: {
        domainUrl: props.auth.domain.baseUrl(),
        clientId: props.auth.peopleClient.userPoolClientId,
        redirectUri: `${this.url}${AUTH_CALLBACK_PATH}`,
        scopes: [...(props.scopes ?? DEFAULT_CONSOLE_SCOPES)],
      },
    };

    this.deployment = new ConsoleDeployment(this, 'Deployment', {
      bucket: this.bucket,
      distribution: this.distribution,
      config: this.config,
      logKey: props.storage.key,
      logRetention: props.logRetention,
      removalPolicy,
    });
  }

  private acknowledgeDistributionFindings(props: WebConsoleProps): void {
    const acknowledge = (id: string, reason: string) => Validations.of(this.distribution).acknowledge({ id, reason });
    acknowledge(
      'AwsSolutions-CFR1',
      'Staff of each tenant sign in from wherever they work; the files are the same public SPA for everyone and every data call is authorized by the API. Add a geo restriction per deployment if a tenant policy asks for one.',
    );
    if (props.webAclArn === undefined) {
      acknowledge(
        'AwsSolutions-CFR2',
        'The distribution serves static files only (GET/HEAD, no data, nothing posted to it); the API authorizes every data call. A WAF web ACL is an opt-in cost: WebConsoleProps.webAclArn.',
      );
    }
    if (props.certificate === undefined) {
      acknowledge(
        'AwsSolutions-CFR4',
        'Without a custom domain CloudFront serves its default *.cloudfront.net certificate, whose minimum protocol it fixes itself; set consoleDomainName and consoleCertificateArn to serve TLSv1.2_2021 at least.',
      );
    }
  }
}
