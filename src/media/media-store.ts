/**
 * The photo store: every photo a person sends (or staff take as an after-photo) kept once, named by the SHA-256
 * of its bytes, in `DATA_DIR/media/ab/cd/<sha256>`, with one `media` row saying what it is.
 *
 * Content addressing makes storing idempotent (a redelivered webhook or a retried job stores nothing twice) and
 * makes the id safe to put in links: it says nothing about who sent the photo. The type is sniffed from the
 * bytes — a sender's `Content-Type` or file name is never trusted — and only the photo formats phones produce
 * are kept (JPEG, PNG, WebP, HEIC/HEIF); anything else is refused with a {@link MediaRejectedError}.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Db } from '../../db/database.js';
import type { BlobStore } from './blob-store.js';
import { createDiskBlobStore } from './disk-blob-store.js';

/** The largest photo kept by default: 10 MB (10 × 1024 × 1024 bytes). A phone's photo is 1–6 MB. */
export const DEFAULT_MAX_MEDIA_BYTES = 10 * 1024 * 1024;

/** A media id: a SHA-256 in lowercase hex. Anything else is never turned into a path. */
export const SHA256_PATTERN = /^[0-9a-f]{64}$/;

/** The image types kept, as sniffed from magic bytes. */
export type ImageMime = 'image/jpeg' | 'image/png' | 'image/webp' | 'image/heic' | 'image/heif';

/** Why a file was not stored. */
export type MediaRejectReason = 'not_an_image' | 'too_large' | 'empty';

/**
 * A file the store will not keep: not one of the photo formats, over the size limit, or empty. Control flow,
 * not a failure: the person gets a short answer saying which (the reason maps to a catalogue message).
 */
export class MediaRejectedError extends Error {
  readonly code = 'ERR_MEDIA_REJECTED';
  constructor(
    readonly reason: MediaRejectReason,
    /** Size of what was offered, in bytes. */
    readonly bytes: number,
    /** The limit in force, in bytes. */
    readonly maxBytes: number,
  ) {
    super(
      reason === 'too_large'
        ? `media rejected: ${bytes} bytes is over the ${maxBytes}-byte limit`
        : reason === 'empty'
          ? 'media rejected: the file is empty'
          : 'media rejected: not a JPEG, PNG, WebP or HEIC/HEIF image',
    );
    this.name = 'MediaRejectedError';
  }
}

/** What {@link MediaStore.put} stored. */
export interface StoredMedia {
  sha256: string;
  mime: ImageMime;
  bytes: number;
}

/** Options for {@link createMediaStore}. */
export interface MediaStoreOptions {
  /** The installation's data directory (`DATA_DIR`); files go under `<dataDir>/media` unless `blobs` is given. */
  dataDir: string;
  /** Where the bytes go. Default: the disk under `<dataDir>/media`; an S3 store when `S3_ENDPOINT` is set. */
  blobs?: BlobStore;
  db: Db;
  /** Largest file kept, in bytes. Default {@link DEFAULT_MAX_MEDIA_BYTES} (10 MB). */
  maxBytes?: number;
}

export interface MediaStore {
  /** The size limit in force, so HTTP routes and fetchers can stop reading at the same point. */
  readonly maxBytes: number;
  /**
   * Keep a photo: sniff its type, write the file atomically (temporary file, fsync, rename), then record the
   * row. Storing the same bytes again does nothing and answers the same. `declaredMime` is only a hint (what the
   * platform said); the bytes decide, it only tells HEIC from HEIF when the file's brand is ambiguous.
   * @throws {MediaRejectedError} not an image, too large, or empty.
   */
  put(buffer: Buffer, declaredMime?: string): Promise<StoredMedia>;
  /** The photo and its type, or `null` when there is no such photo (or the id is not a SHA-256). */
  get(sha256: string): Promise<{ buffer: Buffer; mime: string } | null>;
  /**
   * Where the photo of `sha256` lives: `<dataDir>/media/ab/cd/<sha256>` on disk, `s3://bucket/ab/cd/<sha256>` in
   * object storage. @throws {RangeError} not a SHA-256.
   */
  path(sha256: string): string;
  /** Where photos go, for the start-up lines. */
  readonly description: string;
}

export function createMediaStore(options: MediaStoreOptions): MediaStore {
  const blobs = options.blobs ?? createDiskBlobStore(join(options.dataDir, 'media'));
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_MEDIA_BYTES;
  const { db } = options;

  const keyOf = (sha256: string): string => {
    if (!SHA256_PATTERN.test(sha256)) throw new RangeError('media id must be a lowercase hex SHA-256');
    return `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
  };

  return {
    maxBytes,
    description: blobs.description,

    async put(buffer, declaredMime) {
      if (buffer.length === 0) throw new MediaRejectedError('empty', 0, maxBytes);
      if (buffer.length > maxBytes) throw new MediaRejectedError('too_large', buffer.length, maxBytes);
      const mime = sniffImageMime(buffer, declaredMime);
      if (!mime) throw new MediaRejectedError('not_an_image', buffer.length, maxBytes);

      const sha256 = createHash('sha256').update(buffer).digest('hex');
      await blobs.write(keyOf(sha256), buffer, mime);
      // The bytes are in place before the row: a row always has its file. A crash in between leaves an orphan
      // blob that the next put of the same bytes adopts.
      const size = imageSize(buffer, mime);
      await db
        .insertInto('media')
        .values({ sha256, mime, bytes: buffer.length, width: size?.width ?? null, height: size?.height ?? null })
        .onConflict((oc) => oc.column('sha256').doNothing())
        .execute();
      return { sha256, mime, bytes: buffer.length };
    },

    async get(sha256) {
      if (!SHA256_PATTERN.test(sha256)) return null;
      const row = await db.selectFrom('media').select(['mime']).where('sha256', '=', sha256).executeTakeFirst();
      if (!row) return null;
      const buffer = await blobs.read(keyOf(sha256));
      return buffer ? { buffer, mime: row.mime } : null;
    },

    path: (sha256) => blobs.locate(keyOf(sha256)),
  };
}

/** HEIF brands that mean HEVC-coded images (HEIC), and the generic HEIF brands. AVIF is not taken. */
const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs']);
const HEIF_BRANDS = new Set(['mif1', 'msf1']);

/**
 * The photo type of `buffer` from its magic bytes, or `null` when it is none of JPEG, PNG, WebP, HEIC/HEIF.
 * Exported for callers that want to refuse early (before a download finishes, say).
 */
export function sniffImageMime(buffer: Buffer, declaredMime?: string): ImageMime | null {
  if (buffer.length >= 3 && buffer[0] === 0xff && buffer[1] === 0xd8 && buffer[2] === 0xff) return 'image/jpeg';
  if (buffer.length >= 8 && buffer.subarray(0, 8).equals(PNG_SIGNATURE)) return 'image/png';
  if (buffer.length >= 12 && ascii(buffer, 0, 4) === 'RIFF' && ascii(buffer, 8, 12) === 'WEBP') return 'image/webp';
  if (buffer.length >= 16 && ascii(buffer, 4, 8) === 'ftyp') {
    const boxSize = Math.min(buffer.readUInt32BE(0), buffer.length);
    const brands = [ascii(buffer, 8, 12)];
    for (let offset = 16; offset + 4 <= boxSize; offset += 4) brands.push(ascii(buffer, offset, offset + 4));
    if (brands.some((b) => HEIC_BRANDS.has(b))) return 'image/heic';
    if (brands.some((b) => HEIF_BRANDS.has(b)) && !brands.includes('avif') && !brands.includes('avis')) {
      return declaredMime?.toLowerCase().startsWith('image/heic') ? 'image/heic' : 'image/heif';
    }
  }
  return null;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function ascii(buffer: Buffer, start: number, end: number): string {
  return buffer.toString('latin1', start, end);
}

/**
 * Pixel size from the header, as stored (EXIF orientation not applied), when it is cheap to read: PNG's IHDR,
 * JPEG's SOF, WebP's VP8/VP8L/VP8X. HEIC keeps it deep in its boxes: `null`. Never throws.
 */
function imageSize(buffer: Buffer, mime: ImageMime): { width: number; height: number } | null {
  try {
    if (mime === 'image/png') {
      if (buffer.length < 24 || ascii(buffer, 12, 16) !== 'IHDR') return null;
      return positive(buffer.readUInt32BE(16), buffer.readUInt32BE(20));
    }
    if (mime === 'image/jpeg') return jpegSize(buffer);
    if (mime === 'image/webp') {
      const chunk = ascii(buffer, 12, 16);
      if (chunk === 'VP8 ' && buffer.length >= 30) {
        return positive(buffer.readUInt16LE(26) & 0x3fff, buffer.readUInt16LE(28) & 0x3fff);
      }
      if (chunk === 'VP8L' && buffer.length >= 25) {
        const bits = buffer.readUInt32LE(21);
        return positive((bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
      }
      if (chunk === 'VP8X' && buffer.length >= 30) {
        return positive(buffer.readUIntLE(24, 3) + 1, buffer.readUIntLE(27, 3) + 1);
      }
    }
  } catch {
    // A truncated header: the size is unknown, the photo is still kept.
  }
  return null;
}

function jpegSize(buffer: Buffer): { width: number; height: number } | null {
  let offset = 2;
  while (offset + 4 <= buffer.length) {
    if (buffer[offset] !== 0xff) return null;
    const marker = buffer[offset + 1];
    if (marker === 0xff) {
      offset += 1; // fill byte
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      offset += 2; // markers without a length
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return null; // end of image, or scan data before any frame header
    const length = buffer.readUInt16BE(offset + 2);
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame && offset + 9 <= buffer.length) {
      return positive(buffer.readUInt16BE(offset + 7), buffer.readUInt16BE(offset + 5));
    }
    offset += 2 + length;
  }
  return null;
}

function positive(width: number, height: number): { width: number; height: number } | null {
  return width > 0 && height > 0 ? { width, height } : null;
}
