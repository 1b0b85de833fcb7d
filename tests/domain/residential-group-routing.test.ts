import { describe, expect, it } from 'vitest';
import { square } from '../support/geometry.js';
import {
  DEFAULT_GROUP_RADIUS_METERS,
  routeToGroup,
  type RoutableGroup,
} from '../../src/domain/residential-group-routing.js';
import { foldText } from '../../src/domain/text-folding.js';


const group = (over: Partial<RoutableGroup> & { id: number }): RoutableGroup => ({
  name: `Tổ dân phố số ${over.id}`,
  polygon: null,
  centreLat: null,
  centreLng: null,
  radiusM: null,
  streets: [],
  ...over,
});

// Phường Lê Chân, made up: group 1 has a polygon, groups 2 and 3 a centre, every group some streets
// (stored folded, as the org import writes them).
const GROUPS: RoutableGroup[] = [
  group({ id: 1, polygon: [square(106.680, 20.840, 0.002)], streets: ['to hieu'] }),
  group({ id: 2, centreLat: 20.845, centreLng: 106.685, radiusM: 200, streets: ['lach tray', 'tray'] }),
  group({ id: 3, centreLat: 20.8465, centreLng: 106.685, radiusM: 300, streets: ['hang kenh', 'ho sen'] }),
  group({ id: 4, streets: ['dinh dong', 'ton duc thang'] }),
  group({ id: 5, streets: ['ton duc thang'] }),
  group({ id: 6, streets: [foldText('Lê Chân'), foldText('Hoa Phượng')] }),
];

describe('routeToGroup: polygon', () => {
  it('routes a point inside a group polygon to that group', () => {
    expect(routeToGroup(GROUPS, { lat: 20.841, lng: 106.681 })).toEqual({ groupId: 1, by: 'polygon' });
  });

  it('prefers the polygon over a centre and over the typed street', () => {
    const overlapping = [
      group({ id: 9, centreLat: 20.841, centreLng: 106.681, radiusM: 500, streets: ['to hieu'] }),
      ...GROUPS,
    ];
    expect(routeToGroup(overlapping, { lat: 20.841, lng: 106.681, addressText: 'hang kenh' })).toEqual({
      groupId: 1,
      by: 'polygon',
    });
  });

  it('counts a point on the polygon edge as inside', () => {
    expect(routeToGroup(GROUPS, { lat: 20.840, lng: 106.681 })).toEqual({ groupId: 1, by: 'polygon' });
  });

  it('accepts MultiPolygon coordinates and respects holes', () => {
    const multi = group({ id: 7, polygon: [[square(106.7, 20.8, 0.01), square(106.704, 20.804, 0.002)]] });
    expect(routeToGroup([multi], { lat: 20.801, lng: 106.701 })).toEqual({ groupId: 7, by: 'polygon' });
    expect(routeToGroup([multi], { lat: 20.805, lng: 106.705 })).toEqual({ groupId: null, by: 'dispatcher' });
  });
});

describe('routeToGroup: centre', () => {
  it('routes to a group whose centre is within its radius', () => {
    // ~100 m north of group 2's centre, ~55 m south of group 3's: both within radius; group 3 is nearer.
    expect(routeToGroup(GROUPS, { lat: 20.846, lng: 106.685 })).toEqual({ groupId: 3, by: 'centre' });
    // ~55 m south of group 2's centre: group 3 is ~210 m away, also within its 300 m, but 2 is nearer.
    expect(routeToGroup(GROUPS, { lat: 20.8445, lng: 106.685 })).toEqual({ groupId: 2, by: 'centre' });
  });

  it('ignores a centre whose radius does not reach the point', () => {
    // ~330 m south of group 2 (radius 200), ~500 m from group 3 (radius 300).
    expect(routeToGroup(GROUPS, { lat: 20.842, lng: 106.685 })).toEqual({ groupId: null, by: 'dispatcher' });
  });

  it('uses the default radius when a group has a centre but none', () => {
    const g = group({ id: 8, centreLat: 20.85, centreLng: 106.69 });
    const metresNorth = (m: number) => 20.85 + m / 111_195;
    expect(routeToGroup([g], { lat: metresNorth(DEFAULT_GROUP_RADIUS_METERS - 5), lng: 106.69 })).toEqual({
      groupId: 8,
      by: 'centre',
    });
    expect(routeToGroup([g], { lat: metresNorth(DEFAULT_GROUP_RADIUS_METERS + 5), lng: 106.69 }).by).toBe('dispatcher');
  });

  it('falls back to the street when the point is outside every area', () => {
    expect(routeToGroup(GROUPS, { lat: 20.9, lng: 106.6, addressText: 'số 3 Hàng Kênh' })).toEqual({
      groupId: 3,
      by: 'street',
    });
  });
});

describe('routeToGroup: street', () => {
  it.each([
    ['số 12 Tô Hiệu', 1],
    ['so 12 to hieu', 1],
    ['SỐ 12 TÔ HIỆU', 1],
    ['ngõ 5 Lạch Tray, gần chợ', 2],
    ['cột điện đầu ngõ 40 lach tray', 2],
    ['Đường Hồ Sen trước nhà văn hóa', 3],
    ['15 Đình Đông', 4],
    ['số 7 đường Lê Chân', 6],
    ['ngõ Hoa Phượng', 6],
    ['tường nhà số 4, phố Tô Hiệu.', 1],
    ['to hieu', 1],
  ])('"%s" → group %i', (addressText, groupId) => {
    expect(routeToGroup(GROUPS, { addressText })).toEqual({ groupId, by: 'street' });
  });

  it('prefers the longest street name: "lach tray" over "tray" of another group', () => {
    const groups = [group({ id: 10, streets: ['tray'] }), group({ id: 11, streets: ['lach tray'] })];
    expect(routeToGroup(groups, { addressText: '20 Lạch Tray' })).toEqual({ groupId: 11, by: 'street' });
    expect(routeToGroup(groups, { addressText: 'ngõ Tray' })).toEqual({ groupId: 10, by: 'street' });
  });

  it('matches whole words only', () => {
    const groups = [group({ id: 12, streets: ['an da'] })];
    expect(routeToGroup(groups, { addressText: 'số 5 An Đà' })).toEqual({ groupId: 12, by: 'street' });
    expect(routeToGroup(groups, { addressText: 'số 5 Lan Đàn' }).by).toBe('dispatcher');
    expect(routeToGroup(groups, { addressText: 'số 5 An Dân' }).by).toBe('dispatcher');
  });

  it('does not match a street name across a comma', () => {
    const groups = [group({ id: 13, streets: ['le loi'] })];
    expect(routeToGroup(groups, { addressText: 'nhà bác Lê, Lợi Xuân' }).by).toBe('dispatcher');
  });

  it('sends a street shared by two groups to the dispatcher rather than guessing', () => {
    expect(routeToGroup(GROUPS, { addressText: '120 Tôn Đức Thắng' })).toEqual({ groupId: null, by: 'dispatcher' });
  });

  it('ignores a ward or city name that looks like a street', () => {
    expect(routeToGroup(GROUPS, { addressText: 'phường Lê Chân' })).toEqual({ groupId: null, by: 'dispatcher' });
    expect(routeToGroup(GROUPS, { addressText: 'gần chợ, P. Lê Chân, TP Hải Phòng' }).by).toBe('dispatcher');
    expect(routeToGroup(GROUPS, { addressText: 'số 5 Tô Hiệu, phuong Le Chan' })).toEqual({ groupId: 1, by: 'street' });
    expect(routeToGroup(GROUPS, { addressText: 'đường Lê Chân, phường Lê Chân' })).toEqual({ groupId: 6, by: 'street' });
  });

  it('folds street names that were stored with diacritics', () => {
    const groups = [group({ id: 14, streets: ['Trần Nguyên Hãn'] })];
    expect(routeToGroup(groups, { addressText: '45 tran nguyen han' })).toEqual({ groupId: 14, by: 'street' });
  });
});

describe('routeToGroup: dispatcher', () => {
  it('goes to the dispatcher when nothing decides', () => {
    expect(routeToGroup(GROUPS, {})).toEqual({ groupId: null, by: 'dispatcher' });
    expect(routeToGroup(GROUPS, { addressText: '   ' })).toEqual({ groupId: null, by: 'dispatcher' });
    expect(routeToGroup(GROUPS, { addressText: 'gần cái cây to' })).toEqual({ groupId: null, by: 'dispatcher' });
    expect(routeToGroup([], { lat: 20.841, lng: 106.681, addressText: 'to hieu' })).toEqual({
      groupId: null,
      by: 'dispatcher',
    });
  });

  it('skips a half or broken location and uses the address', () => {
    expect(routeToGroup(GROUPS, { lat: 20.841, addressText: 'to hieu' })).toEqual({ groupId: 1, by: 'street' });
    expect(routeToGroup(GROUPS, { lat: Number.NaN, lng: 106.681 })).toEqual({ groupId: null, by: 'dispatcher' });
    expect(routeToGroup(GROUPS, { lat: null, lng: null, addressText: null })).toEqual({ groupId: null, by: 'dispatcher' });
  });

  it('ignores empty street names', () => {
    expect(routeToGroup([group({ id: 15, streets: ['', '  '] })], { addressText: 'số 5' }).by).toBe('dispatcher');
  });
});
