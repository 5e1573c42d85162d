/**
 * A printable map of the orientation, framed on the actions' places: the communes around them
 * (outlines and names), the département's border, a numbered marker per place (« 1, 2 » when two
 * actions are in the same spot) and a scale bar, as plain SVG (prints sharply, needs no WebGL).
 */
import { request } from '../../api/client.ts';
import { departementLayerUrl } from '../../api/endpoints.ts';
import { useAsync } from '../../state/use-async.ts';
import { boxOf, fitProjection, pathOf, ringsOf } from './static-map-projection.ts';
import { boxesIntersect, frameAround, markerLabel, mergeMarkers, placeLabels, scaleBar, visibleLabelPoint } from './static-map-layout.ts';

export interface NumberedPlace {
  n: number;
  name: string;
  lon: number;
  lat: number;
}

type Geometry = { type: string; coordinates: unknown } | null;
interface Layer {
  type: string;
  features?: Array<{ geometry: Geometry; properties?: { name?: string; population?: number | null } | null }>;
  geometry?: Geometry;
  coordinates?: unknown;
}

function featuresOf(layer: Layer): Array<{ geometry: Geometry; name: string | null; population: number }> {
  if (layer.type === 'FeatureCollection')
    return (layer.features ?? []).map((f) => ({ geometry: f.geometry, name: f.properties?.name ?? null, population: f.properties?.population ?? 0 }));
  if (layer.type === 'Feature') return [{ geometry: layer.geometry ?? null, name: null, population: 0 }];
  return [{ geometry: layer as Geometry, name: null, population: 0 }];
}

const WIDTH = 560;
const fetchLayer = (code: string, layer: 'contour' | 'communes', signal: AbortSignal) => request<Layer>(departementLayerUrl(code, layer), { signal }).catch(() => null);

export function StaticMap({ places, departements }: { places: NumberedPlace[]; departements: string[] }) {
  const layers = useAsync(
    (signal) => Promise.all(departements.flatMap((d) => [fetchLayer(d, 'communes', signal).then((l) => ({ kind: 'communes', l })), fetchLayer(d, 'contour', signal).then((l) => ({ kind: 'contour', l }))])),
    [departements.join(',')],
  );
  const frame = frameAround(places.map((p) => [p.lon, p.lat] as const));
  if (!places.length || !frame) return null;
  const projection = fitProjection(
    [
      [frame[0], frame[1]],
      [frame[2], frame[3]],
    ],
    WIDTH,
    0,
    0,
  )!;

  const communes = (layers.data ?? [])
    .filter((x) => x.kind === 'communes' && x.l)
    .flatMap((x) => featuresOf(x.l!))
    .map((f) => ({ ...f, rings: ringsOf(f.geometry) }))
    .filter((f) => {
      const box = boxOf(f.rings.flat());
      return box !== null && boxesIntersect(box, frame);
    });
  const borders = (layers.data ?? []).filter((x) => x.kind === 'contour' && x.l).flatMap((x) => featuresOf(x.l!).flatMap((f) => ringsOf(f.geometry)));

  const markers = mergeMarkers(places.map((p) => ({ n: p.n, ...xy(projection.project([p.lon, p.lat])) })));
  const scale = scaleBar(projection, frame);
  const labels = placeLabels(
    communes.flatMap((c) => {
      const point = c.name ? visibleLabelPoint(c.rings, frame) : null;
      return point && c.name ? [{ name: c.name, point, population: c.population }] : [];
    }),
    projection,
    markers,
    { reserved: [[0, projection.height - 30, scale.px + 60, projection.height]] },
  );
  const communeRings = communes.flatMap((c) => c.rings);

  return (
    <svg
      class="static-map"
      viewBox={`0 0 ${projection.width} ${projection.height}`}
      role="img"
      aria-label={`Carte des lieux : ${places.map((p) => `${p.n}, ${p.name}`).join(' ; ')}`}
    >
      <rect width={projection.width} height={projection.height} fill="#fafbfc" />
      {communeRings.length > 0 && <path d={pathOf(communeRings, projection)} fill="#eef1f5" stroke="#9aa1ad" stroke-width="0.8" />}
      {borders.length > 0 && <path d={pathOf(borders, projection)} fill="none" stroke="#4a505c" stroke-width="2" />}
      <g font-family="system-ui, sans-serif" font-size="11" fill="#30343c" text-anchor="middle" class="static-map__communes">
        {labels.map((l) => (
          <text x={round(l.x)} y={round(l.y + 4)} stroke="#fff" stroke-width="3" paint-order="stroke">
            {l.text}
          </text>
        ))}
      </g>
      {markers.map((m) => {
        const { text, width } = markerLabel(m);
        return (
          <g class="static-map__marker" data-numbers={m.numbers.join(',')}>
            {m.numbers.length === 1 ? (
              <circle cx={round(m.x)} cy={round(m.y)} r="11" fill="#1b3b8b" stroke="#fff" stroke-width="2" />
            ) : (
              <rect x={round(m.x - width / 2)} y={round(m.y - 11)} width={width} height="22" rx="11" fill="#1b3b8b" stroke="#fff" stroke-width="2" />
            )}
            <text x={round(m.x)} y={round(m.y + 4)} text-anchor="middle" font-size="12" font-weight="700" fill="#fff" font-family="system-ui, sans-serif">
              {text}
            </text>
          </g>
        );
      })}
      <g transform={`translate(12 ${projection.height - 14})`} font-family="system-ui, sans-serif" font-size="11" fill="#30343c">
        <path d={`M0 -5V0H${round(scale.px)}V-5`} fill="none" stroke="#30343c" stroke-width="1.5" />
        <text x={round(scale.px) + 6} y="0">
          {scale.km} km
        </text>
      </g>
    </svg>
  );
}

const xy = ([x, y]: [number, number]) => ({ x, y });
const round = (v: number) => Math.round(v * 10) / 10;
