/**
 * Routing a report to the tổ dân phố (residential group) whose tổ trưởng will clean it up.
 *
 * Wards describe their groups unevenly: a few have drawn polygons, many only know roughly where each group
 * is (a centre and a radius), and almost all know which streets each group covers. So routing tries, in order
 * of how sure it is: the polygon containing the point, the nearest centre within its radius, a street named in
 * the typed address; and when none of these decides, the ward's dispatcher (a ward officer) assigns by hand.
 * A wrong guess costs more than asking: an ad sent to the wrong tổ trưởng waits until someone notices.
 */
import { distanceMeters, pointInMultiPolygon, pointInPolygon } from './geo.js';
import type { MultiPolygonCoordinates, PolygonCoordinates } from './geo.js';
import { foldText } from './text-folding.js';

/**
 * Radius used when a group has a centre but no radius, in metres. Default 150, the same default the
 * organisation import writes (`db/repositories/org.ts`).
 */
export const DEFAULT_GROUP_RADIUS_METERS = 150;

/** One tổ dân phố as routing needs it (a row of `residential_groups`, in camelCase). */
export interface RoutableGroup {
  readonly id: number;
  /** Shown to people ("Tổ dân phố số 5"); routing does not read it. */
  readonly name: string;
  /**
   * GeoJSON Polygon coordinates (`[outerRing, ...holes]`, `[lon, lat]`), or MultiPolygon coordinates (the
   * database column allows both), or `null` when the ward has not drawn this group.
   */
  readonly polygon: PolygonCoordinates | MultiPolygonCoordinates | null;
  readonly centreLat: number | null;
  readonly centreLng: number | null;
  /** Metres around the centre this group covers; `null` means {@link DEFAULT_GROUP_RADIUS_METERS}. */
  readonly radiusM: number | null;
  /** Street names the group covers, folded ("to hieu", "lach tray"); folded again here, so raw names work too. */
  readonly streets: readonly string[];
}

/** Where a report is: a shared location, a typed address, or both. */
export interface ReportLocation {
  readonly lat?: number | null;
  readonly lng?: number | null;
  /** What the resident typed ("số 12 Tô Hiệu", "ngõ 5 lach tray gần chợ"). */
  readonly addressText?: string | null;
}

/**
 * The routing decision: a group and how it was found (shown to the dispatcher and kept for statistics on
 * routing quality), or `dispatcher` when a ward officer has to assign the case by hand.
 */
export type RouteResult =
  | { readonly groupId: number; readonly by: 'polygon' | 'centre' | 'street' }
  | { readonly groupId: null; readonly by: 'dispatcher' };

const TO_DISPATCHER: RouteResult = Object.freeze({ groupId: null, by: 'dispatcher' });

/**
 * Words that name an administrative unit ("phường Lê Chân", "P. Lê Chân", "TP Hải Phòng", "xã An Hưng"),
 * folded. A street name found right after one of them is a ward or city name, not a street, and is ignored:
 * ward Lê Chân must not route to the group covering street Lê Chân. Only the word right before the name is
 * looked at, so street names that merely contain such a word ("Hoa Phượng", "Huyền Trân Công Chúa") still
 * match. When in doubt the report goes to the dispatcher, which is the safe failure.
 */
const ADMINISTRATIVE_PREFIXES = [
  'phuong', 'p', 'quan', 'q', 'huyen', 'xa', 'thi tran', 'tt', 'thanh pho', 'tp', 'tinh', 'dac khu',
];

/** Folded, punctuation as spaces, single-spaced: the form both addresses and street names are compared in. */
function streetKey(text: string): string {
  return foldText(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * The folded address as one space-padded string for whole-word search. Commas, semicolons and line breaks
 * become a `|` word, so a street name never matches across two parts of an address.
 */
function addressKey(addressText: string): string {
  const parts = foldText(addressText)
    .split(/[,;\n]/)
    .map((part) => streetKey(part))
    .filter((part) => part !== '');
  return ` ${parts.join(' | ')} `;
}

/** True when `key` occurs in `address` as whole words, at least once not right after an administrative word. */
function mentionsStreet(address: string, key: string): boolean {
  const needle = ` ${key} `;
  for (let at = address.indexOf(needle); at !== -1; at = address.indexOf(needle, at + 1)) {
    const before = address.slice(0, at);
    if (!ADMINISTRATIVE_PREFIXES.some((word) => before.endsWith(` ${word}`))) return true;
  }
  return false;
}

function isCoordinate(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function polygonContains(polygon: PolygonCoordinates | MultiPolygonCoordinates, lat: number, lng: number): boolean {
  if (polygon.length === 0 || polygon[0].length === 0) return false;
  // A Polygon's first element is a ring (positions are number arrays); a MultiPolygon's is a polygon.
  const isPolygon = typeof (polygon as PolygonCoordinates)[0][0][0] === 'number';
  return isPolygon
    ? pointInPolygon(lat, lng, polygon as PolygonCoordinates)
    : pointInMultiPolygon(lat, lng, polygon as MultiPolygonCoordinates);
}

function byPolygon(groups: readonly RoutableGroup[], lat: number, lng: number): number | null {
  // Overlapping polygons are a data error; the group listed first wins, so the answer is at least stable.
  const hit = groups.find((group) => group.polygon !== null && polygonContains(group.polygon, lat, lng));
  return hit === undefined ? null : hit.id;
}

function byCentre(groups: readonly RoutableGroup[], lat: number, lng: number): number | null {
  let best: { id: number; distance: number } | null = null;
  for (const group of groups) {
    if (!isCoordinate(group.centreLat) || !isCoordinate(group.centreLng)) continue;
    const radius = group.radiusM ?? DEFAULT_GROUP_RADIUS_METERS;
    const distance = distanceMeters({ lat, lng }, { lat: group.centreLat, lng: group.centreLng });
    if (distance <= radius && (best === null || distance < best.distance)) best = { id: group.id, distance };
  }
  return best === null ? null : best.id;
}

function byStreet(groups: readonly RoutableGroup[], addressText: string): number | null {
  const address = addressKey(addressText);
  let bestLength = 0;
  let bestGroups = new Set<number>();
  for (const group of groups) {
    for (const street of group.streets) {
      const key = streetKey(street);
      if (key === '' || key.length < bestLength || !mentionsStreet(address, key)) continue;
      if (key.length > bestLength) {
        bestLength = key.length;
        bestGroups = new Set();
      }
      bestGroups.add(group.id);
    }
  }
  // A long street often spans several groups: with no house-number ranges to tell them apart, ask a person.
  if (bestGroups.size !== 1) return null;
  return [...bestGroups][0];
}

/**
 * Decide which tổ dân phố gets a report. In order:
 * 1. `polygon` — the first group whose polygon contains the shared point (edges count as inside);
 * 2. `centre` — among groups whose centre lies within its radius of the point, the nearest;
 * 3. `street` — a street name found, as whole words and without diacritics, in the typed address
 *    ("so 12 to hieu" finds "to hieu"); the longest matching name wins ("lach tray" over "tray"), and a name
 *    that two groups share sends the report to the dispatcher rather than guessing; a name right after
 *    "phường", "P.", "xã", "TP"… is a unit's name, not a street, and is ignored;
 * 4. `dispatcher` — nothing decided: a ward officer assigns by hand.
 * A location that is missing or not a finite number skips steps 1–2; an empty address skips step 3.
 */
export function routeToGroup(groups: readonly RoutableGroup[], location: ReportLocation): RouteResult {
  const { lat, lng, addressText } = location;
  if (isCoordinate(lat) && isCoordinate(lng)) {
    const polygonGroup = byPolygon(groups, lat, lng);
    if (polygonGroup !== null) return { groupId: polygonGroup, by: 'polygon' };
    const centreGroup = byCentre(groups, lat, lng);
    if (centreGroup !== null) return { groupId: centreGroup, by: 'centre' };
  }
  if (typeof addressText === 'string' && addressText.trim() !== '') {
    const streetGroup = byStreet(groups, addressText);
    if (streetGroup !== null) return { groupId: streetGroup, by: 'street' };
  }
  return TO_DISPATCHER;
}
