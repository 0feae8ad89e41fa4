import { DeleteObjectCommand, HeadObjectCommand, ListObjectVersionsCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { S3BlobStore } from '../../../functions/adapters/s3/s3-blob-store.js';

// The raw archive bucket keeps object versions on AWS; the local S3-API server (s3rver) has none, so
// the versioned path of a deletion is checked here, at the SDK boundary, against S3's answer shapes.
const s3 = mockClient(S3Client);
const store = new S3BlobStore(new S3Client({ region: 'ap-southeast-1' }), { rawArchive: 'raw-bucket', blobs: 'blob-bucket' });
const KEY = 'raw/T001/wecom/2024/06/15/WECHAT-1/ab12';
const deletedVersions = () => s3.commandCalls(DeleteObjectCommand).map((call) => call.args[0].input);

describe('S3 blob store: deleting from a versioned bucket', () => {
  beforeEach(() => s3.reset());

  it('deletes every version and delete marker of exactly the key, over every page of the listing', async () => {
    // Prepare: two pages; a neighbouring key that shares the prefix must survive
    s3.on(ListObjectVersionsCommand, { KeyMarker: undefined })
      .resolves({ IsTruncated: true, NextKeyMarker: KEY, NextVersionIdMarker: 'v2', Versions: [{ Key: KEY, VersionId: 'v3' }, { Key: `${KEY}-other`, VersionId: 'x1' }], DeleteMarkers: [{ Key: KEY, VersionId: 'm1' }] })
      .on(ListObjectVersionsCommand, { KeyMarker: KEY, VersionIdMarker: 'v2' })
      .resolves({ IsTruncated: false, Versions: [{ Key: KEY, VersionId: 'v2' }] });
    s3.on(DeleteObjectCommand).resolves({});

    // Act
    const existed = await store.deleteBlob(KEY);

    // Assess
    expect(existed).toBe(true);
    expect(s3.commandCalls(ListObjectVersionsCommand)[0]?.args[0].input).toMatchObject({ Bucket: 'raw-bucket', Prefix: KEY });
    expect(deletedVersions()).toEqual([
      { Bucket: 'raw-bucket', Key: KEY, VersionId: 'v3' },
      { Bucket: 'raw-bucket', Key: KEY, VersionId: 'm1' },
      { Bucket: 'raw-bucket', Key: KEY, VersionId: 'v2' },
    ]);
  });

  it('answers false and deletes nothing when the key has no version', async () => {
    // Prepare
    s3.on(ListObjectVersionsCommand).resolves({ IsTruncated: false });

    // Act
    const existed = await store.deleteBlob('attachments/T001/ab/ab12');

    // Assess
    expect(existed).toBe(false);
    expect(deletedVersions()).toEqual([]);
    expect(s3.commandCalls(ListObjectVersionsCommand)[0]?.args[0].input.Bucket).toBe('blob-bucket');
  });

  it('falls back to a plain delete only where the server keeps no versions (MethodNotAllowed), never on a denied listing', async () => {
    // Prepare
    const refusal = (name: string, status: number) => new S3ServiceException({ name, $fault: 'client', $metadata: { httpStatusCode: status }, message: name });
    s3.on(ListObjectVersionsCommand).rejectsOnce(refusal('MethodNotAllowed', 405)).rejectsOnce(refusal('AccessDenied', 403));
    s3.on(HeadObjectCommand).resolves({});
    s3.on(DeleteObjectCommand).resolves({});

    // Act
    const versionless = await store.deleteBlob(KEY);
    const denied = store.deleteBlob(KEY);

    // Assess
    expect(versionless).toBe(true);
    expect(deletedVersions()).toEqual([{ Bucket: 'raw-bucket', Key: KEY }]);
    await expect(denied).rejects.toMatchObject({ name: 'AccessDenied' });
    expect(deletedVersions()).toHaveLength(1);
  });
});
