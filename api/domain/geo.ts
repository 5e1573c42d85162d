/** Great-circle distance, in kilometres, between two [lon, lat] points (haversine; plenty for départements). */
export type LonLat = readonly [number, number];

export function distanceKm(a: LonLat, b: LonLat): number {
  const R = 6371.0088;
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLon = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}
