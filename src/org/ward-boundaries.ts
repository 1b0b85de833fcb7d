/**
 * Hải Phòng's 114 ward boundaries (phường / xã / đặc khu, after the 1 July 2025 reorganisation), loaded from
 * `assets/wards/haiphong-wards.geojson` (source and licence: `assets/wards/NOTICE.md`) and turned into a
 * {@link WardLocator}: "this shared location is in Phường Lê Chân", or "outside Hải Phòng".
 *
 * Why lazily and once: the file is 2 MB of coordinates; processes that never see a location (the outbound
 * worker, the CLI) should not parse it, and those that do should parse it once, not per message. The only I/O
 * is here; the geometry is in `src/domain/geo.ts`.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createWardLocator, type AreaGeometry, type WardFeature, type WardLocator } from '../domain/geo.js';

/** Where the boundaries ship in the repository, resolved from this file so it works from any working directory. */
export const HAIPHONG_WARDS_FILE: URL = new URL('../../assets/wards/haiphong-wards.geojson', import.meta.url);

/**
 * The boundary file is missing, not JSON, or not the FeatureCollection we expect. Carries the file path and,
 * for a bad feature, its index, so whoever replaced the file can find the problem.
 */
export class WardBoundariesError extends Error {
  readonly code = 'WARD_BOUNDARIES_INVALID';
  constructor(
    message: string,
    readonly file: string,
    readonly featureIndex?: number,
    options?: { cause?: unknown },
  ) {
    super(`${message} (${file}${featureIndex === undefined ? '' : `, feature #${featureIndex}`})`, options);
    this.name = 'WardBoundariesError';
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmptyString(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * The ward features of a parsed GeoJSON FeatureCollection. Each feature needs `properties.code` (or the
 * feature's `id`), `properties.name`, and a Polygon or MultiPolygon geometry; `properties.fullName` defaults
 * to the name. Exported so a test (or an admin's replacement file) can be checked without touching the disk.
 */
export function wardFeaturesFromGeoJson(json: unknown, file = '<memory>'): WardFeature[] {
  if (!isRecord(json) || json.type !== 'FeatureCollection' || !Array.isArray(json.features)) {
    throw new WardBoundariesError('Expected a GeoJSON FeatureCollection', file);
  }
  return json.features.map((feature: unknown, index: number): WardFeature => {
    if (!isRecord(feature) || !isRecord(feature.geometry)) {
      throw new WardBoundariesError('Feature without a geometry', file, index);
    }
    const properties = isRecord(feature.properties) ? feature.properties : {};
    const code = nonEmptyString(properties.code) ?? nonEmptyString(feature.id);
    const name = nonEmptyString(properties.name);
    if (code === undefined || name === undefined) {
      throw new WardBoundariesError('Feature without properties.code and properties.name', file, index);
    }
    const { type, coordinates } = feature.geometry;
    if ((type !== 'Polygon' && type !== 'MultiPolygon') || !Array.isArray(coordinates)) {
      throw new WardBoundariesError(`Unsupported geometry ${JSON.stringify(type)} (Polygon or MultiPolygon only)`, file, index);
    }
    return {
      code,
      name,
      fullName: nonEmptyString(properties.fullName) ?? name,
      geometry: { type, coordinates } as AreaGeometry,
    };
  });
}

const cache = new Map<string, Promise<WardLocator>>();

/**
 * The ward locator for Hải Phòng (or for another boundary file, e.g. in tests). The file is read and indexed
 * on the first call; later calls, concurrent ones included, share the same promise. A failed load is not
 * cached, so the next call tries again (after an admin fixes the file, say).
 */
export function loadWardLocator(file: URL = HAIPHONG_WARDS_FILE): Promise<WardLocator> {
  const key = file.href;
  let pending = cache.get(key);
  if (pending === undefined) {
    pending = readWardLocator(file);
    cache.set(key, pending);
    pending.catch(() => cache.delete(key));
  }
  return pending;
}

async function readWardLocator(file: URL): Promise<WardLocator> {
  const path = fileURLToPath(file);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new WardBoundariesError('Cannot read the ward boundary file', path, undefined, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new WardBoundariesError('The ward boundary file is not valid JSON', path, undefined, { cause: error });
  }
  return createWardLocator(wardFeaturesFromGeoJson(json, path));
}
