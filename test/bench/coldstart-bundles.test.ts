import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { baselineSource, sdkEntryPackages } from '../../bench/coldstart-baseline.js';
import { bytesByPackage, packageOf, type LambdaBundle } from '../../bench/coldstart-bundles.js';

const scratch = await mkdtemp(join(tmpdir(), 'commhub-coldstart-test-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe('coldstart bundles', () => {
  it('names the package of a bundled file, scoped or not, and folds our own files by folder', () => {
    // Act / Assess
    expect(packageOf('../../../../work/main/node_modules/@aws-sdk/client-s3/dist-es/S3Client.js')).toBe('@aws-sdk/client-s3');
    expect(packageOf('../node_modules/zod/v4/classic/schemas.js')).toBe('zod');
    expect(packageOf('../../../../work/main/functions/api/health.ts')).toBe('functions/api');
  });

  it('keeps only the SDK packages a handler imports itself', () => {
    // Act
    const sdk = sdkEntryPackages(['@aws-sdk/client-dynamodb', '@aws-sdk/core', '@aws-sdk/lib-dynamodb', '@aws-sdk/s3-request-presigner', '@smithy/core', 'zod']);

    // Assess
    expect(sdk).toEqual(['@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb', '@aws-sdk/s3-request-presigner']);
  });

  it('builds a baseline that constructs each client and keeps the helpers', async () => {
    // Act
    const source = await baselineSource(['@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb', '@aws-sdk/s3-request-presigner']);

    // Assess
    expect(source).toContain("import { DynamoDBClient as Sdk0 } from '@aws-sdk/client-dynamodb';");
    expect(source).toContain('const clients = [new Sdk0({})];');
    expect(source).toContain('export const kept = [Sdk1, Sdk2];');
  });

  it('attributes the minified bytes of a bundle to the packages they came from, through its source map', async () => {
    // Prepare: an entry and a package of known, incompressible size.
    const pkg = join(scratch, 'node_modules', 'heavy-pkg');
    await mkdir(pkg, { recursive: true });
    await writeFile(join(pkg, 'package.json'), JSON.stringify({ name: 'heavy-pkg', main: 'index.js' }));
    await writeFile(join(pkg, 'index.js'), `export const blob = ${JSON.stringify('x'.repeat(20_000))};\n`);
    await writeFile(join(scratch, 'entry.js'), "import { blob } from 'heavy-pkg';\nexport const handler = async () => blob.length;\n");
    const file = join(scratch, 'out', 'index.mjs');
    await build({ entryPoints: [join(scratch, 'entry.js')], bundle: true, format: 'esm', platform: 'node', minify: true, sourcemap: true, outfile: file, logLevel: 'silent' });

    // Act
    const bytes = await bytesByPackage({ file } as LambdaBundle);

    // Assess
    const total = [...bytes.values()].reduce((a, b) => a + b, 0);
    expect(total).toBe((await readFile(file, 'utf8')).length);
    expect(bytes.get('heavy-pkg')).toBeGreaterThan(20_000);
    expect(bytes.get('heavy-pkg')).toBeLessThan(20_100);
  });
});
