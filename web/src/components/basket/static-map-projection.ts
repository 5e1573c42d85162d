/**
 * A plain projection for small printed maps: longitudes scaled by cos(latitude) around the middle of
 * the area (fine at the scale of a département), fitted into a width × height box.
 */
export type LonLat = readonly [number, number];

/** A box in degrees: [west, south, east, north]. */
export type Box = readonly [number, number, number, number];

export function boxOf(points: readonly LonLat[]): Box | null {
  if (!points.length) return null;
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [lon, lat] of points) {
    w = Math.min(w, lon);
    e = Math.max(e, lon);
    s = Math.min(s, lat);
    n = Math.max(n, lat);
  }
  return [w, s, e, n];
}

export interface Projection {
  width: number;
  height: number;
  project(point: LonLat): [number, number];
}

/** `minSpan` (degrees): a lone point (or a very small area) still gets a few kilometres around it. */
export function fitProjection(points: readonly LonLat[], width: number, padding: number, minSpan = 0.05): Projection | null {
  const box = boxOf(points);
  if (!box) return null;
  const [minLon, minLat, maxLon, maxLat] = box;
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const spanX = Math.max((maxLon - minLon) * k, minSpan);
  const spanY = Math.max(maxLat - minLat, minSpan);
  const scale = (width - 2 * padding) / spanX;
  const height = Math.round(spanY * scale + 2 * padding);
  const midLon = (minLon + maxLon) / 2;
  const midLat = (minLat + maxLat) / 2;
  return {
    width,
    height,
    project: ([lon, lat]) => [width / 2 + (lon - midLon) * k * scale, height / 2 - (lat - midLat) * scale],
  };
}

type Ring = readonly LonLat[];

/** The rings of a Polygon or MultiPolygon geometry (others give none). */
export function ringsOf(geometry: { type: string; coordinates: unknown } | null): Ring[] {
  if (!geometry) return [];
  if (geometry.type === 'Polygon') return geometry.coordinates as Ring[];
  if (geometry.type === 'MultiPolygon') return (geometry.coordinates as Ring[][]).flat();
  return [];
}

/** SVG path data of rings, rounded to tenths of a pixel. */
export function pathOf(rings: readonly Ring[], projection: Projection): string {
  return rings
    .map((ring) =>
      ring
        .map((point, i) => {
          const [x, y] = projection.project(point);
          return `${i ? 'L' : 'M'}${x.toFixed(1)} ${y.toFixed(1)}`;
        })
        .join('') + 'Z',
    )
    .join('');
}
