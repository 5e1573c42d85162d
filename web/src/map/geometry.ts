/** Small geometry helpers for the maps (no dependency). */
import type { Polygon } from 'geojson';
export type LonLat = [number, number];
export type Bounds = [LonLat, LonLat];

/** A polygon approximating the circle of `radiusKm` around `centre` (enough for a radius drawn on a map). */
export function circlePolygon(centre: LonLat, radiusKm: number, steps = 72): Polygon {
  const [lon, lat] = centre;
  const dLat = radiusKm / 110.574;
  const dLon = radiusKm / (111.32 * Math.cos((lat * Math.PI) / 180));
  const ring: LonLat[] = [];
  for (let i = 0; i <= steps; i++) {
    const a = (i / steps) * 2 * Math.PI;
    ring.push([lon + dLon * Math.cos(a), lat + dLat * Math.sin(a)]);
  }
  return { type: 'Polygon', coordinates: [ring] };
}

/** The bounds of points (null when there are none). */
export function boundsOf(points: readonly LonLat[]): Bounds | null {
  if (!points.length) return null;
  let [minLon, minLat] = points[0]!;
  let [maxLon, maxLat] = points[0]!;
  for (const [lon, lat] of points) {
    minLon = Math.min(minLon, lon);
    maxLon = Math.max(maxLon, lon);
    minLat = Math.min(minLat, lat);
    maxLat = Math.max(maxLat, lat);
  }
  return [
    [minLon, minLat],
    [maxLon, maxLat],
  ];
}
