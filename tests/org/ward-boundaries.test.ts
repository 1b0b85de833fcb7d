import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pointInPolygon, type WardFeature } from '../../src/domain/geo.js';
import {
  HAIPHONG_WARDS_FILE,
  WardBoundariesError,
  loadWardLocator,
  wardFeaturesFromGeoJson,
} from '../../src/org/ward-boundaries.js';

const features = wardFeaturesFromGeoJson(JSON.parse(readFileSync(HAIPHONG_WARDS_FILE, 'utf8')));
const feature = (code: string): WardFeature => {
  const found = features.find((f) => f.code === code);
  if (found === undefined) throw new Error(`ward ${code} not in the file`);
  return found;
};
const polygonsOf = (f: WardFeature): number[][][][] =>
  (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates) as number[][][][];

/**
 * A point strictly inside a ring, found without the code under test: cut the ring with a horizontal line at
 * several latitudes, pair up the sorted crossings (inside runs between crossings 0–1, 2–3, …) and take the
 * middle of the widest run. Independent of `pointInPolygon`, so the tests below check it rather than echo it.
 */
function interiorPoint(ring: number[][]): { lat: number; lng: number } {
  const lats = ring.map((p) => p[1]);
  const minLat = Math.min(...lats);
  const maxLat = Math.max(...lats);
  let best = { width: 0, lat: Number.NaN, lng: Number.NaN };
  for (const fraction of [0.5, 0.37, 0.63, 0.25, 0.75]) {
    const lat = minLat + (maxLat - minLat) * fraction;
    const xs: number[] = [];
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > lat !== yj > lat) xs.push(xi + ((lat - yi) * (xj - xi)) / (yj - yi));
    }
    xs.sort((a, b) => a - b);
    for (let k = 0; k + 1 < xs.length; k += 2) {
      const width = xs[k + 1] - xs[k];
      if (width > best.width) best = { width, lat, lng: (xs[k] + xs[k + 1]) / 2 };
    }
  }
  return { lat: best.lat, lng: best.lng };
}

describe('the Hải Phòng boundary file', () => {
  it('has the 114 units with codes and full names', () => {
    expect(features).toHaveLength(114);
    expect(feature('11383')).toMatchObject({ name: 'Lê Chân', fullName: 'Phường Lê Chân' });
    expect(feature('10507')).toMatchObject({ name: 'Thành Đông', fullName: 'Phường Thành Đông' });
  });
});

describe('loadWardLocator', () => {
  it('loads once and shares the locator between callers', async () => {
    const [a, b] = await Promise.all([loadWardLocator(), loadWardLocator()]);
    expect(a).toBe(b);
    expect(await loadWardLocator()).toBe(a);
    expect(a.size).toBe(114);
  });

  it('finds Phường Lê Chân for a point inside it', async () => {
    const locator = await loadWardLocator();
    const leChan = feature('11383');
    const polygons = polygonsOf(leChan);
    expect(polygons).toHaveLength(1);
    const point = interiorPoint(polygons[0][0]);
    // Within the bbox the brief gives for Lê Chân: lon 106.670–106.697, lat 20.820–20.856.
    expect(point.lng).toBeGreaterThan(106.67);
    expect(point.lng).toBeLessThan(106.697);
    expect(point.lat).toBeGreaterThan(20.82);
    expect(point.lat).toBeLessThan(20.856);
    expect(locator.locate(point.lat, point.lng)).toEqual({ code: '11383', name: 'Lê Chân', fullName: 'Phường Lê Chân' });
  });

  it('finds another ward: Phường Thành Đông', async () => {
    const locator = await loadWardLocator();
    const polygons = polygonsOf(feature('10507'));
    const largest = polygons.reduce((a, b) => (b[0].length > a[0].length ? b : a));
    const point = interiorPoint(largest[0]);
    expect(locator.locate(point.lat, point.lng)?.code).toBe('10507');
  });

  it('finds every ward at an interior point of its largest part', async () => {
    const locator = await loadWardLocator();
    const misses: string[] = [];
    for (const f of features) {
      const largest = polygonsOf(f).reduce((a, b) => (b[0].length > a[0].length ? b : a));
      if (largest.length > 1) continue; // holes: covered by the Đồ Sơn test
      const point = interiorPoint(largest[0]);
      const found = locator.locate(point.lat, point.lng);
      if (found?.code !== f.code) misses.push(`${f.code}→${found?.code ?? 'null'}`);
    }
    expect(misses).toEqual([]);
  });

  it('answers null outside Hải Phòng: Hà Nội, the open sea, nonsense', async () => {
    const locator = await loadWardLocator();
    expect(locator.locate(21.028, 105.834)).toBeNull(); // Hà Nội
    expect(locator.locate(20.5, 107.2)).toBeNull(); // Gulf of Tonkin
    expect(locator.locate(0, 0)).toBeNull();
    expect(locator.locate(Number.NaN, Number.NaN)).toBeNull();
  });

  it('respects the hole in Phường Đồ Sơn', async () => {
    const locator = await loadWardLocator();
    const doSon = feature('11455');
    const withHole = polygonsOf(doSon).find((p) => p.length > 1);
    expect(withHole).toBeDefined();
    const [outer, hole] = withHole!;
    const inHole = interiorPoint(hole);
    expect(pointInPolygon(inHole.lat, inHole.lng, [outer])).toBe(true); // the hole is what makes the difference
    expect(pointInPolygon(inHole.lat, inHole.lng, withHole!)).toBe(false);
    expect(locator.locate(inHole.lat, inHole.lng)?.code).not.toBe('11455');
    // Just outside the hole's bounding box on all four sides: Đồ Sơn again.
    const lats = hole.map((p) => p[1]);
    const lngs = hole.map((p) => p[0]);
    const midLat = (Math.min(...lats) + Math.max(...lats)) / 2;
    const midLng = (Math.min(...lngs) + Math.max(...lngs)) / 2;
    for (const [lat, lng] of [
      [Math.min(...lats) - 0.0005, midLng],
      [Math.max(...lats) + 0.0005, midLng],
      [midLat, Math.min(...lngs) - 0.0005],
      [midLat, Math.max(...lngs) + 0.0005],
    ]) {
      expect(locator.locate(lat, lng)?.code).toBe('11455');
    }
  });

  it('does not crash on a point exactly on a boundary vertex or edge', async () => {
    const locator = await loadWardLocator();
    const ring = polygonsOf(feature('11383'))[0][0];
    const [lng, lat] = ring[10];
    const onVertex = locator.locate(lat, lng);
    expect(onVertex).not.toBeNull(); // the boundary belongs to the ward (or to its neighbour listed first)
    const [lng2, lat2] = ring[11];
    const onEdge = locator.locate((lat + lat2) / 2, (lng + lng2) / 2);
    expect(onEdge).not.toBeNull();
  });
});

describe('wardFeaturesFromGeoJson', () => {
  it('refuses what is not a FeatureCollection of polygons, naming the feature', () => {
    expect(() => wardFeaturesFromGeoJson([])).toThrow(WardBoundariesError);
    const bad = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { code: '1', name: 'A' }, geometry: { type: 'Point', coordinates: [0, 0] } }],
    };
    expect(() => wardFeaturesFromGeoJson(bad, 'x.geojson')).toThrow(/Point.*x\.geojson, feature #0/);
  });

  it('takes the code from the feature id and defaults the full name to the name', () => {
    const [f] = wardFeaturesFromGeoJson({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', id: 7, properties: { name: 'A' }, geometry: { type: 'Polygon', coordinates: [] } }],
    });
    expect(f).toMatchObject({ code: '7', name: 'A', fullName: 'A' });
  });

  it('does not cache a failed load', async () => {
    const missing = new URL('./no-such-file.geojson', import.meta.url);
    await expect(loadWardLocator(missing)).rejects.toMatchObject({ code: 'WARD_BOUNDARIES_INVALID' });
    await expect(loadWardLocator(missing)).rejects.toThrow(/Cannot read/);
  });
});
