/**
 * A plain projection for small printed maps: longitudes scaled by cos(latitude) around the middle of
 * the area (fine at the scale of a département), fitted into a width × height box.
 */
export type LonLat = readonly [number, number];

export interface Projection {
  width: number;
  height: number;
  project(point: LonLat): [number, number];
}

/** `minSpan` (degrees): a lone point (or a very small area) still gets a few kilometres around it. */
export function fitProjection(points: readonly LonLat[], width: number, padding: number, minSpan = 0.05): Projection | null {
  if (!points.length) return null;
  let minLon = Infinity;
  let maxLon = -Infinity;
  let minLat = Infinity;
  let maxLat = -Infinity;
  for (const [lon, lat] of points) {
    minLon = Math.min(minLon, lon);
    maxLon = Math.max(maxLon, lon);
    minLat = Math.min(minLat, lat);
    maxLat = Math.max(maxLat, lat);
  }
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
