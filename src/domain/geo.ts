/**
 * Plane geometry on GeoJSON coordinates, for the two questions the product asks of a location: which ward
 * (phường / xã / đặc khu) is this point in, and which tổ dân phố's area or centre is it in or near.
 *
 * Coordinates follow GeoJSON: positions are `[lon, lat]`, a Polygon is an outer ring followed by holes, a
 * MultiPolygon is a list of Polygons, rings are closed (first position = last; an unclosed ring is closed
 * implicitly). Function arguments take `lat, lng` in that order, like a phone's location.
 *
 * Why hand-written rather than a GIS library: ward areas are a few kilometres across, so treating lon/lat as a
 * plane is exact enough for containment (the error is far below the accuracy of the source boundaries), and
 * 20 lines of ray casting beat a dependency. Distances use the haversine formula.
 */

/** A point as chat platforms send it (Telegram and Zalo both say `latitude` / `longitude`; we say lat / lng). */
export interface LatLng {
  readonly lat: number;
  readonly lng: number;
}

/** GeoJSON Polygon coordinates: `[outerRing, ...holes]`, each ring a list of `[lon, lat]` positions. */
export type PolygonCoordinates = readonly (readonly (readonly number[])[])[];

/** GeoJSON MultiPolygon coordinates: a list of {@link PolygonCoordinates}. */
export type MultiPolygonCoordinates = readonly PolygonCoordinates[];

/** The two GeoJSON geometry types a ward or a tổ dân phố boundary can have. */
export type AreaGeometry =
  | { readonly type: 'Polygon'; readonly coordinates: PolygonCoordinates }
  | { readonly type: 'MultiPolygon'; readonly coordinates: MultiPolygonCoordinates };

/**
 * An axis-aligned box in degrees. Checking a box is four comparisons, so lookups test boxes first and run the
 * full ring test only for the one or two areas whose box holds the point.
 */
export interface BoundingBox {
  readonly minLng: number;
  readonly minLat: number;
  readonly maxLng: number;
  readonly maxLat: number;
}

/** Mean Earth radius in metres (IUGG), used by {@link distanceMeters}. */
export const EARTH_RADIUS_METERS = 6_371_008.8;

/**
 * Tolerance, in degrees (about 0.1 mm), within which a point counts as lying on a ring's edge. Points on the
 * boundary count as inside (a polygon is a closed set), so a report pinned exactly on a border is found in
 * at least one of the two areas instead of falling between them.
 */
const ON_EDGE_DEGREES = 1e-9;

function isFiniteCoordinate(lat: number, lng: number): boolean {
  return Number.isFinite(lat) && Number.isFinite(lng);
}

/** Where `(lng, lat)` lies relative to one ring: strictly inside, on an edge, or outside. */
type RingSide = 'inside' | 'edge' | 'outside';

function ringSide(lat: number, lng: number, ring: readonly (readonly number[])[]): RingSide {
  const n = ring.length;
  if (n < 3) return 'outside';
  let inside = false;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const xi = ring[i][0];
    const yi = ring[i][1];
    const xj = ring[j][0];
    const yj = ring[j][1];
    if (onSegment(lng, lat, xi, yi, xj, yj)) return 'edge';
    // Ray casting: count edges crossing the horizontal ray to the east of the point. The half-open test
    // (yi > lat) !== (yj > lat) counts a vertex on the ray once and skips horizontal edges.
    if (yi > lat !== yj > lat) {
      const xCross = xi + ((lat - yi) * (xj - xi)) / (yj - yi);
      if (lng < xCross) inside = !inside;
    }
  }
  return inside ? 'inside' : 'outside';
}

/** True when (px, py) is within {@link ON_EDGE_DEGREES} of the segment (ax, ay)–(bx, by). */
function onSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): boolean {
  if (
    px < Math.min(ax, bx) - ON_EDGE_DEGREES ||
    px > Math.max(ax, bx) + ON_EDGE_DEGREES ||
    py < Math.min(ay, by) - ON_EDGE_DEGREES ||
    py > Math.max(ay, by) + ON_EDGE_DEGREES
  ) {
    return false;
  }
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSquared = dx * dx + dy * dy;
  if (lengthSquared === 0) return Math.hypot(px - ax, py - ay) <= ON_EDGE_DEGREES;
  // Distance from the point to the line, times the segment's length, is the cross product.
  const cross = Math.abs((px - ax) * dy - (py - ay) * dx);
  return cross <= ON_EDGE_DEGREES * Math.sqrt(lengthSquared);
}

/**
 * True when the point is inside a GeoJSON Polygon: inside the outer ring and not strictly inside any hole.
 * Points on the outer ring or on a hole's edge count as inside (the boundary belongs to the area). Non-finite
 * coordinates and empty polygons give `false`, never an exception.
 */
export function pointInPolygon(lat: number, lng: number, polygon: PolygonCoordinates): boolean {
  if (!isFiniteCoordinate(lat, lng) || polygon.length === 0) return false;
  if (ringSide(lat, lng, polygon[0]) === 'outside') return false;
  for (let h = 1; h < polygon.length; h++) {
    if (ringSide(lat, lng, polygon[h]) === 'inside') return false;
  }
  return true;
}

/** True when the point is inside any Polygon of a GeoJSON MultiPolygon (a ward with islands, say). */
export function pointInMultiPolygon(lat: number, lng: number, multiPolygon: MultiPolygonCoordinates): boolean {
  return multiPolygon.some((polygon) => pointInPolygon(lat, lng, polygon));
}

/** {@link pointInPolygon} or {@link pointInMultiPolygon}, by the geometry's type. */
export function pointInGeometry(lat: number, lng: number, geometry: AreaGeometry): boolean {
  return geometry.type === 'Polygon'
    ? pointInPolygon(lat, lng, geometry.coordinates)
    : pointInMultiPolygon(lat, lng, geometry.coordinates);
}

/**
 * Great-circle distance in metres (haversine), for "is this report within 150 m of the tổ's centre" and
 * "is there an open case within 30 m". Accurate to about 0.5% (the Earth is not a sphere), which is plenty.
 */
export function distanceMeters(a: LatLng, b: LatLng): number {
  const toRad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * toRad;
  const dLng = (b.lng - a.lng) * toRad;
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * toRad) * Math.cos(b.lat * toRad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The empty box: contains nothing, and is the identity for {@link extendBoundingBox}. */
export const EMPTY_BOUNDING_BOX: BoundingBox = Object.freeze({
  minLng: Infinity,
  minLat: Infinity,
  maxLng: -Infinity,
  maxLat: -Infinity,
});

/** The smallest box holding both boxes, to combine a MultiPolygon's parts. */
export function extendBoundingBox(a: BoundingBox, b: BoundingBox): BoundingBox {
  return {
    minLng: Math.min(a.minLng, b.minLng),
    minLat: Math.min(a.minLat, b.minLat),
    maxLng: Math.max(a.maxLng, b.maxLng),
    maxLat: Math.max(a.maxLat, b.maxLat),
  };
}

/** The box of a Polygon: its outer ring's extent (holes lie inside it). */
export function polygonBoundingBox(polygon: PolygonCoordinates): BoundingBox {
  let minLng = Infinity;
  let minLat = Infinity;
  let maxLng = -Infinity;
  let maxLat = -Infinity;
  for (const position of polygon[0] ?? []) {
    const lng = position[0];
    const lat = position[1];
    if (lng < minLng) minLng = lng;
    if (lng > maxLng) maxLng = lng;
    if (lat < minLat) minLat = lat;
    if (lat > maxLat) maxLat = lat;
  }
  return { minLng, minLat, maxLng, maxLat };
}

/** The box of a Polygon or MultiPolygon geometry, precomputed once per area by the locators. */
export function boundingBox(geometry: AreaGeometry): BoundingBox {
  if (geometry.type === 'Polygon') return polygonBoundingBox(geometry.coordinates);
  return geometry.coordinates.map(polygonBoundingBox).reduce(extendBoundingBox, EMPTY_BOUNDING_BOX);
}

/** True when the point is inside the box or on its border: the cheap first test of every lookup. */
export function bboxContains(box: BoundingBox, lat: number, lng: number): boolean {
  return lat >= box.minLat && lat <= box.maxLat && lng >= box.minLng && lng <= box.maxLng;
}

/** What a ward lookup answers: the official code and names (from `assets/wards/haiphong-units.json`). */
export interface WardIdentity {
  /** Official 5-digit code, e.g. `11383` for Phường Lê Chân. */
  readonly code: string;
  /** Short name, e.g. "Lê Chân". */
  readonly name: string;
  /** Name with its unit type, as people read it: "Phường Lê Chân", "Đặc khu Cát Hải". */
  readonly fullName: string;
}

/** One ward boundary as the locator takes it: its identity and its GeoJSON geometry. */
export interface WardFeature extends WardIdentity {
  readonly geometry: AreaGeometry;
}

/** Answers "which ward is this point in?" for a fixed set of ward boundaries. */
export interface WardLocator {
  /**
   * The ward containing the point, or `null` outside every ward (the sea, another province, a bad
   * coordinate). A point on a border shared by two wards goes to the one listed first.
   */
  locate(lat: number, lng: number): WardIdentity | null;
  /** How many wards the locator knows, for start-up logs and health checks. */
  readonly size: number;
}

interface IndexedPolygon {
  readonly box: BoundingBox;
  readonly coordinates: PolygonCoordinates;
}

interface IndexedWard {
  readonly identity: WardIdentity;
  readonly box: BoundingBox;
  readonly polygons: readonly IndexedPolygon[];
}

/**
 * Build a ward locator. Every ward's bounding box, and each of its polygons' boxes, is computed here once, so
 * a lookup over Hải Phòng's 114 MultiPolygons compares a point with 114 boxes and ring-tests only the one or
 * two wards whose box holds it (microseconds, not milliseconds).
 */
export function createWardLocator(features: readonly WardFeature[]): WardLocator {
  const wards: IndexedWard[] = features.map((feature) => {
    const polygonList: readonly PolygonCoordinates[] =
      feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
    const polygons = polygonList
      .filter((polygon) => polygon.length > 0 && polygon[0].length >= 3)
      .map((coordinates) => ({ box: polygonBoundingBox(coordinates), coordinates }));
    return {
      identity: Object.freeze({ code: feature.code, name: feature.name, fullName: feature.fullName }),
      box: polygons.map((p) => p.box).reduce(extendBoundingBox, EMPTY_BOUNDING_BOX),
      polygons,
    };
  });

  return {
    size: wards.length,
    locate(lat, lng) {
      if (!isFiniteCoordinate(lat, lng)) return null;
      for (const ward of wards) {
        if (!bboxContains(ward.box, lat, lng)) continue;
        for (const polygon of ward.polygons) {
          if (bboxContains(polygon.box, lat, lng) && pointInPolygon(lat, lng, polygon.coordinates)) {
            return ward.identity;
          }
        }
      }
      return null;
    },
  };
}
