/** Shapes for geography tests. */

/** A closed square ring [lon, lat] from (lng0, lat0) with side `size` degrees (0.002° ≈ 200 m in Hải Phòng). */
export function square(lng0: number, lat0: number, size: number): number[][] {
  return [
    [lng0, lat0],
    [lng0 + size, lat0],
    [lng0 + size, lat0 + size],
    [lng0, lat0 + size],
    [lng0, lat0],
  ];
}
