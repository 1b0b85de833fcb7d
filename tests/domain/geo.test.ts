import { describe, expect, it } from 'vitest';
import { square } from '../support/geometry.js';
import {
  EARTH_RADIUS_METERS,
  bboxContains,
  boundingBox,
  createWardLocator,
  distanceMeters,
  pointInGeometry,
  pointInMultiPolygon,
  pointInPolygon,
  type WardFeature,
} from '../../src/domain/geo.js';


// A 0.02° square around Lê Chân with a 0.004° hole in its middle.
const OUTER = square(106.67, 20.83, 0.02);
const HOLE = square(106.678, 20.838, 0.004);
const WITH_HOLE = [OUTER, HOLE];

describe('pointInPolygon', () => {
  it('finds points inside and outside a simple polygon', () => {
    expect(pointInPolygon(20.835, 106.675, [OUTER])).toBe(true);
    expect(pointInPolygon(20.82, 106.675, [OUTER])).toBe(false);
    expect(pointInPolygon(20.835, 106.70, [OUTER])).toBe(false);
  });

  it('excludes holes, and keeps the area between the hole and the outer ring', () => {
    expect(pointInPolygon(20.84, 106.68, WITH_HOLE)).toBe(false); // centre of the hole
    expect(pointInPolygon(20.84, 106.68, [OUTER])).toBe(true); // same point without the hole
    expect(pointInPolygon(20.8385, 106.6725, WITH_HOLE)).toBe(true); // beside the hole
  });

  it('counts points on an edge or a vertex as inside, without crashing', () => {
    expect(pointInPolygon(20.83, 106.675, [OUTER])).toBe(true); // bottom edge
    expect(pointInPolygon(20.84, 106.69, [OUTER])).toBe(true); // right edge
    expect(pointInPolygon(20.83, 106.67, [OUTER])).toBe(true); // a vertex
    expect(pointInPolygon(20.838, 106.68, WITH_HOLE)).toBe(true); // the hole's edge belongs to the area
  });

  it('handles a diagonal edge exactly', () => {
    const triangle = [[[0, 0], [2, 0], [0, 2], [0, 0]]];
    expect(pointInPolygon(1, 1, triangle)).toBe(true); // on the hypotenuse lng + lat = 2
    expect(pointInPolygon(0.5, 0.5, triangle)).toBe(true);
    expect(pointInPolygon(1.01, 1.01, triangle)).toBe(false);
  });

  it('works with unclosed rings and concave shapes', () => {
    const unclosed = [OUTER.slice(0, 4)];
    expect(pointInPolygon(20.835, 106.675, unclosed)).toBe(true);
    // A "U": the notch between the arms is outside.
    const u = [[[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3], [0, 0]]];
    expect(pointInPolygon(2, 1.5, u)).toBe(false);
    expect(pointInPolygon(2, 0.5, u)).toBe(true);
    expect(pointInPolygon(2, 2.5, u)).toBe(true);
  });

  it('gives false for degenerate input instead of throwing', () => {
    expect(pointInPolygon(20.835, 106.675, [])).toBe(false);
    expect(pointInPolygon(20.835, 106.675, [[]])).toBe(false);
    expect(pointInPolygon(20.835, 106.675, [[[106.67, 20.83], [106.69, 20.85]]])).toBe(false);
    expect(pointInPolygon(Number.NaN, 106.675, [OUTER])).toBe(false);
    expect(pointInPolygon(20.835, Number.POSITIVE_INFINITY, [OUTER])).toBe(false);
  });
});

describe('pointInMultiPolygon and pointInGeometry', () => {
  const islands = [[square(0, 0, 1)], [square(5, 5, 1)]];

  it('is inside when inside any part', () => {
    expect(pointInMultiPolygon(0.5, 0.5, islands)).toBe(true);
    expect(pointInMultiPolygon(5.5, 5.5, islands)).toBe(true);
    expect(pointInMultiPolygon(3, 3, islands)).toBe(false);
    expect(pointInMultiPolygon(3, 3, [])).toBe(false);
  });

  it('dispatches on the geometry type', () => {
    expect(pointInGeometry(5.5, 5.5, { type: 'MultiPolygon', coordinates: islands })).toBe(true);
    expect(pointInGeometry(20.84, 106.68, { type: 'Polygon', coordinates: WITH_HOLE })).toBe(false);
  });
});

describe('distanceMeters', () => {
  it('measures a degree of latitude as about 111.2 km', () => {
    const expected = (Math.PI * EARTH_RADIUS_METERS) / 180;
    expect(distanceMeters({ lat: 0, lng: 0 }, { lat: 1, lng: 0 })).toBeCloseTo(expected, 3);
    expect(expected).toBeCloseTo(111_195, 0);
  });

  it('shrinks longitude degrees by cos(latitude) at Hải Phòng', () => {
    const a = { lat: 20.84, lng: 106.68 };
    const east = distanceMeters(a, { lat: 20.84, lng: 106.681 });
    expect(east).toBeCloseTo(111.195 * Math.cos((20.84 * Math.PI) / 180), 1);
    const north = distanceMeters(a, { lat: 20.841, lng: 106.68 });
    expect(north).toBeCloseTo(111.195, 1);
  });

  it('is zero for the same point, symmetric, and finite for antipodes', () => {
    const a = { lat: 20.8437, lng: 106.6828 };
    const b = { lat: 21.028, lng: 105.834 };
    expect(distanceMeters(a, a)).toBe(0);
    expect(distanceMeters(a, b)).toBeCloseTo(distanceMeters(b, a), 6);
    // Hải Phòng's Lê Chân to Hà Nội's centre: about 90 km as the crow flies.
    expect(distanceMeters(a, b)).toBeGreaterThan(85_000);
    expect(distanceMeters(a, b)).toBeLessThan(95_000);
    expect(distanceMeters({ lat: 0, lng: 0 }, { lat: 0, lng: 180 })).toBeCloseTo(Math.PI * EARTH_RADIUS_METERS, 3);
  });
});

describe('bounding boxes', () => {
  it('spans the outer rings of all parts', () => {
    const box = boundingBox({ type: 'MultiPolygon', coordinates: [[square(0, 0, 1)], [square(5, 4, 2)]] });
    expect(box).toEqual({ minLng: 0, minLat: 0, maxLng: 7, maxLat: 6 });
    const polygonBox = boundingBox({ type: 'Polygon', coordinates: WITH_HOLE });
    expect(polygonBox.minLng).toBe(106.67);
    expect(polygonBox.minLat).toBe(20.83);
    expect(polygonBox.maxLng).toBeCloseTo(106.69, 9);
    expect(polygonBox.maxLat).toBeCloseTo(20.85, 9);
  });

  it('contains its border and nothing outside', () => {
    const box = { minLng: 0, minLat: 0, maxLng: 1, maxLat: 1 };
    expect(bboxContains(box, 0, 0)).toBe(true);
    expect(bboxContains(box, 1, 0.5)).toBe(true);
    expect(bboxContains(box, 1.0001, 0.5)).toBe(false);
    expect(bboxContains(box, 0.5, -0.0001)).toBe(false);
  });
});

describe('createWardLocator', () => {
  const features: WardFeature[] = [
    { code: '00001', name: 'Một', fullName: 'Phường Một', geometry: { type: 'Polygon', coordinates: [square(0, 0, 1)] } },
    {
      code: '00002',
      name: 'Hai',
      fullName: 'Xã Hai',
      geometry: { type: 'MultiPolygon', coordinates: [[square(1, 0, 1)], [square(10, 10, 1), square(10.25, 10.25, 0.5)]] },
    },
    // Inside ward Hai's hole: an enclave.
    { code: '00003', name: 'Ba', fullName: 'Đặc khu Ba', geometry: { type: 'Polygon', coordinates: [square(10.25, 10.25, 0.5)] } },
  ];
  const locator = createWardLocator(features);

  it('knows how many wards it has', () => {
    expect(locator.size).toBe(3);
  });

  it('returns the ward identity without its geometry', () => {
    expect(locator.locate(0.5, 0.5)).toEqual({ code: '00001', name: 'Một', fullName: 'Phường Một' });
    expect(locator.locate(0.5, 1.5)).toEqual({ code: '00002', name: 'Hai', fullName: 'Xã Hai' });
    expect(locator.locate(10.1, 10.1)?.code).toBe('00002');
  });

  it('finds the enclave in a hole, and null outside every ward', () => {
    expect(locator.locate(10.5, 10.5)?.code).toBe('00003');
    expect(locator.locate(5, 5)).toBeNull();
    expect(locator.locate(Number.NaN, 0.5)).toBeNull();
  });

  it('gives a shared border to the ward listed first', () => {
    expect(locator.locate(0.5, 1)?.code).toBe('00001');
  });

  it('copes with an empty list and empty geometries', () => {
    expect(createWardLocator([]).locate(0.5, 0.5)).toBeNull();
    const empty = createWardLocator([{ code: 'x', name: 'x', fullName: 'x', geometry: { type: 'MultiPolygon', coordinates: [] } }]);
    expect(empty.locate(0.5, 0.5)).toBeNull();
  });
});
