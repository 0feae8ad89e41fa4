import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { AssetHashType, DockerImage, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import type { AwsConsoleConfig } from '../web/console-config.js';
import { nagResourceName } from './grant-acknowledgments.js';

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
const WEB_DIR = fileURLToPath(new URL('../web/', import.meta.url));
const BUILD_MODULE_URL = new URL('../web/build-console.ts', import.meta.url).href;

/** Properties of {@link ConsoleDeployment}. */
export interface ConsoleDeploymentProps {
  /** Where the files go. */
  readonly bucket: s3.IBucket;
  /** Invalidated after each deploy. */
  readonly distribution: cloudfront.IDistribution;
  /** Written as `/config.json` (deploy-time values filled in by the handler). */
  readonly config: AwsConsoleConfig;
  /** Encrypts the handler's log group (the data key, like every log group). */
  readonly logKey: kms.IKey;
  /**
   * How long the handler's logs are kept.
   * @default logs.RetentionDays.ONE_MONTH
   */
  readonly logRetention?: logs.RetentionDays;
  /**
   * What happens to the handler's log group when it leaves the stack.
   * @default RemovalPolicy.DESTROY
   */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * Puts the console build (`web/`, built at synth) and its `config.json` into the console bucket with
 * CDK's BucketDeployment, in two deployments because one sets a single Cache-Control for all its
 * files: hashed `assets/*` first (a year, immutable, never pruned), then `index.html`, `config.json`
 * and the rest (no-cache, pruned), then a `/*` invalidation.
 *
 * CDK runs every BucketDeployment of a stack with one handler function (a singleton), created with the
 * first deployment's role: these are meant to be the stack's only ones.
 */
export class ConsoleDeployment extends Construct {
  /** The handler's role: only the console bucket, the source objects, its log group and the invalidations. */
  public readonly role: iam.Role;
  public readonly logGroup: logs.LogGroup;
  /** Hashed `assets/*`, cached for a year; deployed before {@link entry}. */
  public readonly assets: s3deploy.BucketDeployment;
  /** `index.html`, `config.json` and the other unhashed files, never cached long; invalidates the distribution. */
  public readonly entry: s3deploy.BucketDeployment;
  private readonly policy = new iam.PolicyDocument();

  constructor(scope: Construct, id: string, props: ConsoleDeploymentProps) {
    super(scope, id);
    const { bucket } = props;
    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention ?? logs.RetentionDays.ONE_MONTH,
      encryptionKey: props.logKey,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.DESTROY,
    });
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'CDK bucket deployment of the CommHub web console: copies its files, invalidates its distribution.',
      // Inline, and filled here alone (the handler gets the role without policy updates): CDK's own
      // grants would add cloudfront:CreateInvalidation on "*" and s3 action wildcards.
      inlinePolicies: { deployment: this.policy },
    });
    this.allow(['logs:CreateLogStream', 'logs:PutLogEvents'], [this.logGroup.logGroupArn]);
    // `aws s3 sync` lists, uploads, and prunes the files a new build no longer has (never assets/*).
    this.allow(['s3:ListBucket'], [bucket.bucketArn]);
    this.allow(['s3:PutObject', 's3:DeleteObject'], [bucket.arnForObjects('*')]);
    this.allow(['cloudfront:CreateInvalidation', 'cloudfront:GetInvalidation'], [props.distribution.distributionArn]);
    Validations.of(this.role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${nagResourceName(this, bucket.arnForObjects('*'))}]`,
      reason: 'File names come from each console build (content-hashed assets/*); the deployment handler puts and prunes objects of the console bucket only.',
    });

    const common = { destinationBucket: bucket, role: this.role.withoutPolicyUpdates(), logGroup: this.logGroup };
    const build = this.readable(consoleBuild());
    this.assets = new s3deploy.BucketDeployment(this, 'Assets', {
      ...common,
      sources: [build],
      exclude: ['*'],
      include: ['assets/*'],
      cacheControl: [s3deploy.CacheControl.setPublic(), s3deploy.CacheControl.maxAge(Duration.days(365)), s3deploy.CacheControl.immutable()],
      // Earlier builds' files stay: a page loaded before this deploy may still ask for them.
      prune: false,
    });
    this.entry = new s3deploy.BucketDeployment(this, 'Entry', {
      ...common,
      sources: [build, this.readable(s3deploy.Source.jsonData('config.json', props.config))],
      exclude: ['assets/*'],
      cacheControl: [s3deploy.CacheControl.noCache()],
      distribution: props.distribution,
      // One path whatever the number of files: '/' and deep links are cached apart from /index.html.
      distributionPaths: ['/*'],
    });
    // The new index.html names the new assets: they must be there first.
    this.entry.node.addDependency(this.assets);
    // Each deployment adds an AWS CLI layer for the handler, but the singleton handler was created with
    // the first one's: the second layer would be an unused resource.
    this.entry.node.tryRemoveChild('AwsCliLayer');
    this.acknowledgeHandlerRuntime();
  }

  /** Binds `source` as BucketDeployment does and lets the handler read exactly the object it names. */
  private readable(source: s3deploy.ISource): s3deploy.ISource {
    return {
      bind: (scope, context) => {
        const config = source.bind(scope, context);
        this.allow(['s3:GetObject'], [config.bucket.arnForObjects(config.zipObjectKey)]);
        return config;
      },
    };
  }

  private allow(actions: string[], resources: string[]): void {
    this.policy.addStatements(new iam.PolicyStatement({ actions, resources }));
  }

  /** CDK's handler (a stack-level singleton) is the function that runs with the deployment role. */
  private acknowledgeHandlerRuntime(): void {
    const handlers = Stack.of(this).node.children.filter(
      (child): child is lambda.Function => child instanceof lambda.Function && child.role?.roleArn === this.role.roleArn,
    );
    for (const handler of handlers) {
      Validations.of(handler).acknowledge({
        id: 'AwsSolutions-L1',
        reason: "CDK's bucket-deployment handler pins its Python runtime (a supported one) and moves with aws-cdk-lib upgrades; it runs only while CloudFormation deploys the console.",
      });
    }
  }
}

/**
 * The built console as an asset: `buildConsole` (web/build-console.ts, esbuild) runs at synth in a
 * child Node process, since asset bundling is synchronous and the build is not. Like the functions'
 * bundling it is skipped where `aws:cdk:bundling-stacks` excludes the stack (the tests' synth).
 */
function consoleBuild(): s3deploy.ISource {
  return s3deploy.Source.asset(WEB_DIR, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // Never pulled: the local build succeeds or throws, there is no Docker fallback.
      image: DockerImage.fromRegistry('node:20-alpine'),
      local: {
        tryBundle(outputDir: string) {
          const script = `const { buildConsole } = await import(${JSON.stringify(BUILD_MODULE_URL)}); await buildConsole({ outdir: process.argv[1] });`;
          execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', script, outputDir], {
            cwd: PROJECT_ROOT,
            stdio: ['ignore', 'ignore', 'inherit'],
          });
          return true;
        },
      },
    },
  });
}
