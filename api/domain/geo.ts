/** Great-circle distance, in kilometres, between two [lon, lat] points (haversine; plenty for départements). */
export type LonLat = readonly [number, number];

export function distanceKm(a: LonLat, b: LonLat): number {
  return distanceKmBetween(a[1], a[0], b[1], b[0]);
}

/** The same, from plain numbers (no arrays: for loops over many points). */
export function distanceKmBetween(latA: number, lonA: number, latB: number, lonB: number): number {
  const R = 6371.0088;
  const rad = Math.PI / 180;
  const dLat = (latB - latA) * rad;
  const dLon = (lonB - lonA) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(latA * rad) * Math.cos(latB * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface Box {
  minLat: number;
  maxLat: number;
  minLon: number;
  maxLon: number;
}

const KM_PER_DEGREE = 111.19;

/** The box around a circle; generous at its poleward edge, where a degree of longitude is shortest. */
export function boxAroundCircle(lat: number, lon: number, radiusKm: number): Box {
  const dLat = radiusKm / KM_PER_DEGREE;
  const farthestLat = Math.min(89.9, Math.abs(lat) + dLat);
  const dLon = Math.min(180, radiusKm / (KM_PER_DEGREE * Math.cos((farthestLat * Math.PI) / 180)));
  return { minLat: lat - dLat, maxLat: lat + dLat, minLon: lon - dLon, maxLon: lon + dLon };
}

/** The box holding every circle of `radiusKm` around these points; null without points. */
export function boxAroundPoints(points: readonly { lat: number; lon: number }[], radiusKm: number): Box | null {
  if (!points.length) return null;
  return points
    .map((p) => boxAroundCircle(p.lat, p.lon, radiusKm))
    .reduce((a, b) => ({
      minLat: Math.min(a.minLat, b.minLat),
      maxLat: Math.max(a.maxLat, b.maxLat),
      minLon: Math.min(a.minLon, b.minLon),
      maxLon: Math.max(a.maxLon, b.maxLon),
    }));
}
