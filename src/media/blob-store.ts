/**
 * Where photo bytes live: the local disk (`DATA_DIR/media`, the default) or an S3-compatible object store, so
 * several web and worker hosts of one deployment see the same photos. Keys are content addresses
 * (`ab/cd/<sha256>`), so writing the same bytes twice is harmless on either.
 */
export interface BlobStore {
  /** Where blobs go, for start-up's one line ("disk ./data/media", "S3 http://…/media"). */
  readonly description: string;
  /** Store `buffer` under `key`, durably, replacing nothing that differs (keys are content addresses). */
  write(key: string, buffer: Buffer, contentType: string): Promise<void>;
  /** The bytes under `key`, or null when there are none. */
  read(key: string): Promise<Buffer | null>;
  /** Where `key` lives, for people and tests: a file path or an `s3://bucket/key` address. */
  locate(key: string): string;
}
