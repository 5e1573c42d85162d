/**
 * A printable map of the orientation: the départements' contours and a numbered dot per place, as
 * plain SVG (prints sharply, needs no WebGL, weighs nothing).
 */
import { request } from '../../api/client.ts';
import { departementLayerUrl } from '../../api/endpoints.ts';
import { useAsync } from '../../state/use-async.ts';
import { fitProjection, pathOf, ringsOf, type LonLat } from './static-map-projection.ts';

export interface NumberedPlace {
  n: number;
  name: string;
  lon: number;
  lat: number;
}

interface Contour {
  type: string;
  features?: Array<{ geometry: { type: string; coordinates: unknown } | null }>;
  geometry?: { type: string; coordinates: unknown } | null;
  coordinates?: unknown;
}

function geometriesOf(contour: Contour): Array<{ type: string; coordinates: unknown } | null> {
  if (contour.type === 'FeatureCollection') return (contour.features ?? []).map((f) => f.geometry);
  if (contour.type === 'Feature') return [contour.geometry ?? null];
  return [contour as { type: string; coordinates: unknown }];
}

export function StaticMap({ places, departements }: { places: NumberedPlace[]; departements: string[] }) {
  const contours = useAsync(
    (signal) => Promise.all(departements.map((d) => request<Contour>(departementLayerUrl(d, 'contour'), { signal }).catch(() => null))),
    [departements.join(',')],
  );
  if (!places.length) return null;
  const rings = (contours.data ?? []).flatMap((c) => (c ? geometriesOf(c).flatMap(ringsOf) : []));
  const all: LonLat[] = [...rings.flat(), ...places.map((p) => [p.lon, p.lat] as const)];
  const projection = fitProjection(all, 480, 18);
  if (!projection) return null;
  return (
    <svg
      class="static-map"
      viewBox={`0 0 ${projection.width} ${projection.height}`}
      role="img"
      aria-label={`Carte des lieux : ${places.map((p) => `${p.n}, ${p.name}`).join(' ; ')}`}
    >
      {rings.length > 0 && <path d={pathOf(rings, projection)} fill="#f1f3f6" stroke="#5c6270" stroke-width="1.2" />}
      {places.map((p) => {
        const [x, y] = projection.project([p.lon, p.lat]);
        return (
          <g>
            <circle cx={x} cy={y} r="10" fill="#1b3b8b" stroke="#fff" stroke-width="2" />
            <text x={x} y={y + 4} text-anchor="middle" font-size="11" font-weight="700" fill="#fff" font-family="system-ui, sans-serif">
              {p.n}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
