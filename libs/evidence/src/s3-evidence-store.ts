import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { EvidenceS3Config } from '#libs/config';
import { checkedKey, type EvidenceStore } from './evidence-store.js';

const PREFIX = 'evidence/';

/** Evidence in an S3-compatible bucket, one object per file under `evidence/<key>`. */
export class S3EvidenceStore implements EvidenceStore {
  private readonly client: S3Client;

  constructor(private readonly config: EvidenceS3Config) {
    this.client = new S3Client({
      region: config.region,
      ...(config.endpoint ? { endpoint: config.endpoint, forcePathStyle: true } : {}),
      ...(config.credentials ? { credentials: config.credentials } : {}),
      // Extra checksums only where S3 requires them: S3-compatible stores differ over the newer trailing-checksum
      // encodings, and the portal keeps and checks its own SHA-256 of every file.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  async keep(key: string, path: string, file: { byteSize: number; mediaType: string }): Promise<void> {
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.config.bucket,
        Key: PREFIX + checkedKey(key),
        Body: createReadStream(path),
        ContentLength: file.byteSize,
        ContentType: file.mediaType,
      }),
    );
  }

  async open(key: string): Promise<Readable> {
    const object = await this.client.send(
      new GetObjectCommand({ Bucket: this.config.bucket, Key: PREFIX + checkedKey(key) }),
    );
    if (!(object.Body instanceof Readable)) throw new Error('The evidence store returned no body');
    return object.Body;
  }

  async remove(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.config.bucket, Key: PREFIX + checkedKey(key) }));
  }

  close(): void {
    this.client.destroy();
  }
}
