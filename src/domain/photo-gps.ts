/**
 * The location a phone wrote into a photo (EXIF GPS), so a resident who sends only a photo of an ad does not
 * have to share a location too (FixMyStreet #15, asked for since 2010).
 *
 * Chat platforms often strip EXIF (Telegram compresses photos sent as photos; files sent as documents keep it),
 * so a missing tag is normal and never an error: the caller just asks for the location. Reads bytes only.
 */
import exifr from 'exifr';
import type { LatLng } from './geo.js';

/**
 * The GPS position in a photo's EXIF, or `null` when there is none or the bytes are not a readable image.
 * Never throws. `0, 0` (the Gulf of Guinea) is treated as no position: some cameras write it without a fix.
 */
export async function readPhotoGps(image: Buffer | Uint8Array): Promise<LatLng | null> {
  let gps: { latitude?: unknown; longitude?: unknown } | undefined;
  try {
    gps = await exifr.gps(image);
  } catch {
    return null;
  }
  const lat = gps?.latitude;
  const lng = gps?.longitude;
  if (typeof lat !== 'number' || typeof lng !== 'number' || !Number.isFinite(lat) || !Number.isFinite(lng)) {
    return null;
  }
  if (Math.abs(lat) > 90 || Math.abs(lng) > 180 || (lat === 0 && lng === 0)) return null;
  return { lat, lng };
}
