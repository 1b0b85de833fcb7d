/**
 * Takes in a photo a person sent: fetch it from the channel at once (platform links expire), keep it in the
 * media store, and read the position from its EXIF GPS when it still has one (an image sent "as a file"), so
 * the person need not share a location too.
 *
 * A photo that cannot be taken (wrong host, too large, not an image, download failed) is an answer, not an
 * exception: the conversation tells the person which, politely. Anything else (the database or the disk
 * failing) is thrown, so the inbound job fails and is retried — nothing the person sent is lost.
 */
import type { Inbound } from '../domain/message-model.js';
import type { LatLng } from '../domain/geo.js';
import { stripJpegMetadata } from './strip-metadata.js';
import { readPhotoGps } from '../domain/photo-gps.js';
import { MediaRejectedError, type ImageMime, type MediaRejectReason, type MediaStore } from './media-store.js';
import { PhotoFetchError, type PhotoFetchReason, type PhotoFetcher } from './photo-fetcher.js';

/** Why a photo was not taken; each has its own short answer in the catalogue. */
export type PhotoRejectReason = PhotoFetchReason | MediaRejectReason;

export type PhotoIntakeResult =
  | {
      ok: true;
      /** The media id: the file's SHA-256. */
      sha256: string;
      mime: ImageMime;
      bytes: number;
      /** Where the photo was taken, from its EXIF GPS; `null` when it has none (the usual case). */
      gps: LatLng | null;
    }
  | { ok: false; reason: PhotoRejectReason };

export interface PhotoIntake {
  /** Fetch, store and locate the photo in `inbound` (a `photo` message). */
  intake(inbound: Inbound): Promise<PhotoIntakeResult>;
}

export function createPhotoIntake(deps: { fetcher: PhotoFetcher; store: MediaStore }): PhotoIntake {
  return {
    async intake(inbound) {
      let buffer: Buffer;
      try {
        buffer = await deps.fetcher.fetchPhoto(inbound);
      } catch (error) {
        if (error instanceof PhotoFetchError) return { ok: false, reason: error.reason };
        throw error;
      }
      // Read where it was taken first, then keep a copy without the metadata (promise 7: minimal data).
      const gps = await readPhotoGps(buffer);
      let stored;
      try {
        stored = await deps.store.put(stripJpegMetadata(buffer));
      } catch (error) {
        if (error instanceof MediaRejectedError) return { ok: false, reason: error.reason };
        throw error;
      }
      return { ok: true, sha256: stored.sha256, mime: stored.mime, bytes: stored.bytes, gps };
    },
  };
}
