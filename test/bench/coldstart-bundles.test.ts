import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { baselineSource, sdkEntryPackages } from '../../bench/coldstart-baseline.js';
import { contentsOf } from '../../bench/coldstart-contents.js';
import { hubBundling } from '../../lib/hub-function.js';
import { npmPackageOf } from '../support/esbuild-options.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('coldstart bundles', () => {
  it('names the npm package of a bundled file, scoped or not, and none for our own files', () => {
    // Act / Assess
    expect(npmPackageOf('../../../../work/main/node_modules/@aws-sdk/client-s3/dist-es/S3Client.js')).toBe('@aws-sdk/client-s3');
    expect(npmPackageOf('node_modules/zod/v4/classic/schemas.js')).toBe('zod');
    expect(npmPackageOf('functions/api/health.ts')).toBeUndefined();
    expect(npmPackageOf('node_modules/.cache/commhub-slim-sdk/@aws-sdk+client-s3@3.1162.0-t2/dist-es/schemas/schemas_0.js')).toBe('@aws-sdk/client-s3');
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

  it("attributes a function bundle's minified bytes to the packages, and our folders, they came from", async () => {
    // Act: a route that may read the tenant settings secret and nothing else
    const contents = await contentsOf(hubBundling({ table: 'none', rawArchive: 'none', blobs: 'none', cursors: false, tenants: true }), `${root}functions/api/get-caller.ts`);

    // Assess
    expect(contents.packages).toContain('@aws-sdk/client-secrets-manager');
    expect(contents.packages).not.toContain('@aws-sdk/client-dynamodb');
    expect(contents.bytesByPackage.get('@aws-sdk/client-secrets-manager')).toBeGreaterThan(1_000);
    expect(contents.bytesByPackage.get('functions/http')).toBeGreaterThan(1_000);
    expect([...contents.bytesByPackage.keys()].filter((name) => name.includes('node_modules'))).toEqual([]);
  });
});
