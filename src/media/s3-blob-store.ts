/**
 * Photos in an S3-compatible object store (AWS S3, MinIO, Ceph, a city's cloud): path-style requests
 * (`<endpoint>/<bucket>/<key>`, which every S3-compatible server accepts) signed with AWS Signature V4 by
 * `aws4`. A thin client, like our Zalo one: PUT and GET are all the media store needs.
 */
import aws4 from 'aws4';
import type { BlobStore } from './blob-store.js';

/** Options for {@link createS3BlobStore} (the `S3_*` variables). */
export interface S3Options {
  /** e.g. `https://s3.ap-southeast-1.amazonaws.com` or `http://minio.internal:9000`. */
  endpoint: string;
  bucket: string;
  /** Default `us-east-1` (what most S3-compatible servers expect when they ignore regions). */
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Per request. Default 30,000 ms. */
  timeoutMs?: number;
}

/** An S3 answer we did not expect; carries the status and the S3 error code, never the credentials. */
export class S3RequestError extends Error {
  readonly code = 'ERR_S3_REQUEST';
  constructor(
    readonly method: string,
    readonly status: number,
    readonly s3Code: string | undefined,
  ) {
    super(`S3 ${method} failed: HTTP ${status}${s3Code ? ` (${s3Code})` : ''}`);
    this.name = 'S3RequestError';
  }
}

export function createS3BlobStore(options: S3Options): BlobStore {
  const endpoint = new URL(options.endpoint);
  const base = endpoint.pathname.replace(/\/+$/, '');
  const credentials = { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey };

  async function request(method: 'GET' | 'PUT', key: string, body?: Buffer, contentType?: string): Promise<Response> {
    const path = `${base}/${encodeURIComponent(options.bucket)}/${key.split('/').map(encodeURIComponent).join('/')}`;
    const signed = aws4.sign(
      {
        host: endpoint.host,
        path,
        method,
        service: 's3',
        region: options.region,
        body,
        headers: body ? { 'content-type': contentType ?? 'application/octet-stream', 'content-length': String(body.length) } : {},
      },
      credentials,
    );
    return fetch(`${endpoint.protocol}//${endpoint.host}${path}`, {
      method,
      headers: signed.headers as Record<string, string>,
      body: body ? new Uint8Array(body) : undefined,
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    });
  }

  return {
    description: `S3 ${endpoint.origin}${base}/${options.bucket}`,
    async write(key, buffer, contentType) {
      const response = await request('PUT', key, buffer, contentType);
      if (!response.ok) throw new S3RequestError('PUT', response.status, s3ErrorCode(await response.text()));
      await response.arrayBuffer().catch(() => undefined);
    },
    async read(key) {
      const response = await request('GET', key);
      if (response.status === 404) {
        await response.arrayBuffer().catch(() => undefined);
        return null;
      }
      if (!response.ok) throw new S3RequestError('GET', response.status, s3ErrorCode(await response.text()));
      return Buffer.from(await response.arrayBuffer());
    },
    locate: (key) => `s3://${options.bucket}/${key}`,
  };
}

function s3ErrorCode(xml: string): string | undefined {
  return /<Code>([^<]{1,100})<\/Code>/.exec(xml)?.[1];
}
