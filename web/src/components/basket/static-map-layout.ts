/**
 * Where things go on the printed map of an orientation: the frame around the places (a few
 * kilometres of context, a readable shape), the numbered markers merged when they would overlap
 * (« 1, 2 » for two actions in the same town), and the commune names that fit without colliding.
 */
import { boxOf, type Box, type LonLat, type Projection } from './static-map-projection.ts';

const KM_PER_DEGREE_LAT = 111.32;

export function boxesIntersect(a: Box, b: Box): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

/**
 * The area to draw around the places: their box with a margin (a fifth of its size, 2 km at least),
 * at least `minKm` across, and not flatter than 1:2 nor taller than 1:1 (it must print on half a page).
 */
export function frameAround(places: readonly LonLat[], minKm = 5): Box | null {
  const box = boxOf(places);
  if (!box) return null;
  const midLat = (box[1] + box[3]) / 2;
  const kmPerLon = KM_PER_DEGREE_LAT * Math.cos((midLat * Math.PI) / 180);
  let widthKm = (box[2] - box[0]) * kmPerLon;
  let heightKm = (box[3] - box[1]) * KM_PER_DEGREE_LAT;
  widthKm = Math.max(widthKm + Math.max(widthKm * 0.4, 4), minKm);
  heightKm = Math.max(heightKm + Math.max(heightKm * 0.4, 4), minKm / 2);
  widthKm = Math.max(widthKm, heightKm);
  heightKm = Math.max(heightKm, widthKm / 2);
  const midLon = (box[0] + box[2]) / 2;
  const halfLon = widthKm / 2 / kmPerLon;
  const halfLat = heightKm / 2 / KM_PER_DEGREE_LAT;
  return [midLon - halfLon, midLat - halfLat, midLon + halfLon, midLat + halfLat];
}

export interface Marker {
  x: number;
  y: number;
  /** The action numbers at this spot, in order. */
  numbers: number[];
}

/** Places closer than `distance` pixels share one marker labelled « 1, 2 » (at their mean position). */
export function mergeMarkers(places: ReadonlyArray<{ n: number; x: number; y: number }>, distance = 24): Marker[] {
  const groups: Array<{ xs: number[]; ys: number[]; numbers: number[] }> = [];
  for (const p of [...places].sort((a, b) => a.n - b.n)) {
    const near = groups.find((g) => g.xs.some((x, i) => Math.hypot(x - p.x, g.ys[i]! - p.y) < distance));
    if (near) {
      near.xs.push(p.x);
      near.ys.push(p.y);
      near.numbers.push(p.n);
    } else groups.push({ xs: [p.x], ys: [p.y], numbers: [p.n] });
  }
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  return groups.map((g) => ({ x: mean(g.xs), y: mean(g.ys), numbers: g.numbers }));
}

/** The text of a marker and the width of its pill (a circle for one digit). */
export function markerLabel(marker: Marker): { text: string; width: number } {
  const text = marker.numbers.join(', ');
  return { text, width: Math.max(22, text.length * 7 + 12) };
}

/** Whether a point is inside rings (even-odd: holes are out). */
function inside([x, y]: LonLat, rings: ReadonlyArray<readonly LonLat[]>): boolean {
  let odd = false;
  for (const ring of rings)
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) odd = !odd;
    }
  return odd;
}

/**
 * A point to write a polygon's name at, within the part of it the map shows: the middle of a grid of
 * sample points of the frame that fall inside it (or the sample nearest that middle when the shape
 * bends around it); null when too little of it is on the map.
 */
export function visibleLabelPoint(rings: ReadonlyArray<readonly LonLat[]>, frame: Box, grid = 24, minSamples = 4): LonLat | null {
  const hits: LonLat[] = [];
  for (let i = 0; i < grid; i++)
    for (let j = 0; j < grid; j++) {
      const p: LonLat = [frame[0] + ((i + 0.5) / grid) * (frame[2] - frame[0]), frame[1] + ((j + 0.5) / grid) * (frame[3] - frame[1])];
      if (inside(p, rings)) hits.push(p);
    }
  if (hits.length < minSamples) return null;
  const mean: LonLat = [hits.reduce((a, p) => a + p[0], 0) / hits.length, hits.reduce((a, p) => a + p[1], 0) / hits.length];
  if (inside(mean, rings)) return mean;
  return hits.reduce((best, p) => (Math.hypot(p[0] - mean[0], p[1] - mean[1]) < Math.hypot(best[0] - mean[0], best[1] - mean[1]) ? p : best));
}

export interface PlacedLabel {
  x: number;
  y: number;
  text: string;
}

export type Rect = readonly [number, number, number, number];
const overlaps = (a: Rect, b: Rect) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

/**
 * Commune names, most populated first, kept only when they lie inside the map, clear of the markers
 * and of the names already placed (text about `charWidth` px per letter, `lineHeight` high).
 */
export function placeLabels(
  candidates: ReadonlyArray<{ name: string; point: LonLat; population: number }>,
  projection: Projection,
  markers: readonly Marker[],
  { charWidth = 6, lineHeight = 12, max = 40, reserved = [] as Rect[] } = {},
): PlacedLabel[] {
  const taken: Rect[] = [
    ...reserved,
    ...markers.map((m): Rect => {
      const half = markerLabel(m).width / 2 + 3;
      return [m.x - half, m.y - 14, m.x + half, m.y + 14];
    }),
  ];
  const placed: PlacedLabel[] = [];
  for (const c of [...candidates].sort((a, b) => b.population - a.population)) {
    if (placed.length >= max) break;
    const [px, py] = projection.project(c.point);
    const half = (c.name.length * charWidth) / 2;
    // At its centre, else just above or below (a marker often sits on the town's centre).
    for (const [x, y] of [0, -2, 2, -3.5, 3.5].map((k) => [px, py + k * lineHeight] as const)) {
      const rect: Rect = [x - half - 2, y - lineHeight / 2 - 2, x + half + 2, y + lineHeight / 2 + 2];
      if (rect[0] < 0 || rect[1] < 0 || rect[2] > projection.width || rect[3] > projection.height) continue;
      if (taken.some((t) => overlaps(t, rect))) continue;
      taken.push(rect);
      placed.push({ x, y, text: c.name });
      break;
    }
  }
  return placed;
}

/** A round length for the scale bar (1, 2, 5, 10… km) about a fifth of the map's width. */
export function scaleBar(projection: Projection, frame: Box): { km: number; px: number } {
  const midLat = (frame[1] + frame[3]) / 2;
  const [x0] = projection.project([frame[0], midLat]);
  const [x1] = projection.project([frame[2], midLat]);
  const kmPerLon = KM_PER_DEGREE_LAT * Math.cos((midLat * Math.PI) / 180);
  const pxPerKm = (x1 - x0) / ((frame[2] - frame[0]) * kmPerLon);
  const target = projection.width / 5 / pxPerKm;
  const power = 10 ** Math.floor(Math.log10(target));
  const km = [5, 2, 1].map((f) => f * power).find((v) => v <= target) ?? power;
  return { km, px: km * pxPerKm };
}
