/**
 * The coverage map: the communes (or the areas) of a département coloured by a number — the offers
 * a person living there can reach for one barrier — in classes whose first one, « aucune offre »,
 * stands out (the zones blanches). Values are written into the features' properties, so the colours
 * need no feature state; hovering reports the territory under the pointer.
 */
import type { GeoJSONSource, MapLayerMouseEvent } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { departementLayerUrl } from '../api/endpoints.ts';
import { basemap, newMap } from './basemap.ts';
import { MAP_COLORS } from './colors.ts';

export type ChoroplethLevel = 'communes' | 'areas';

/** A class of values: from `min` (included) up to the next class. The first class is 0. */
export interface ChoroplethClass {
  min: number;
  color: string;
}

export interface ChoroplethMap {
  ready: Promise<void>;
  /** Colours the territories of `level` by `values` (territory id → number; absent: no data). */
  show(level: ChoroplethLevel, values: ReadonlyMap<string, number>, classes: readonly ChoroplethClass[]): Promise<void>;
  destroy(): void;
}

const NO_DATA = '#d9dce2';
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

export async function createChoroplethMap(options: { container: HTMLElement; departement: string; onHover?: (territory: { id: string; name: string } | null) => void }): Promise<ChoroplethMap> {
  const base = await basemap();
  const map = newMap(options.container, base, { center: [2.4, 46.6], zoom: 5, cooperativeGestures: true, fadeDuration: 0 });

  const layers = new Map<ChoroplethLevel, FeatureCollection>();
  const load = async (level: ChoroplethLevel): Promise<FeatureCollection> => {
    const known = layers.get(level);
    if (known) return known;
    const response = await fetch(departementLayerUrl(options.departement, level));
    if (!response.ok) throw new Error(`territories ${level}: ${response.status}`);
    const data = (await response.json()) as FeatureCollection;
    layers.set(level, data);
    return data;
  };

  const ready = new Promise<void>((resolve) => {
    map.on('load', () => {
      map.addSource('territories', { type: 'geojson', data: EMPTY, tolerance: 0.5 });
      map.addLayer({ id: 'territories-fill', type: 'fill', source: 'territories', paint: { 'fill-color': ['coalesce', ['get', 'color'], NO_DATA], 'fill-opacity': 0.85 } });
      map.addLayer({ id: 'territories-line', type: 'line', source: 'territories', paint: { 'line-color': '#ffffff', 'line-width': 0.8 } });
      map.addSource('contour', { type: 'geojson', data: departementLayerUrl(options.departement, 'contour') });
      map.addLayer({ id: 'contour-line', type: 'line', source: 'contour', paint: { 'line-color': MAP_COLORS.departementLine, 'line-width': 2 } });
      resolve();
    });
  });

  let hovered: string | null = null;
  map.on('mousemove', 'territories-fill', (event: MapLayerMouseEvent) => {
    const p = event.features?.[0]?.properties;
    const id = typeof p?.territory === 'string' ? p.territory : null;
    if (id === hovered) return;
    hovered = id;
    map.getCanvas().style.cursor = id ? 'crosshair' : '';
    options.onHover?.(id ? { id, name: String(p?.name ?? id) } : null);
  });
  map.on('mouseleave', 'territories-fill', () => {
    hovered = null;
    map.getCanvas().style.cursor = '';
    options.onHover?.(null);
  });

  let framed = false;
  return {
    ready,
    async show(level, values, classes) {
      const [data] = await Promise.all([load(level), ready]);
      const colorOf = (value: number | undefined) => {
        if (value === undefined) return NO_DATA;
        let color = classes[0]!.color;
        for (const c of classes) if (value >= c.min) color = c.color;
        return color;
      };
      const features = data.features
        .filter((f) => f.geometry)
        .map((f) => {
          const id = String(level === 'communes' ? f.properties?.code : f.properties?.id);
          const value = values.get(id);
          return { ...f, properties: { territory: id, name: f.properties?.name, value: value ?? null, color: colorOf(value) } };
        });
      (map.getSource('territories') as GeoJSONSource).setData({ type: 'FeatureCollection', features });
      options.container.dataset.level = level;
      options.container.dataset.territories = String(features.length);
      if (!framed && features.length) {
        framed = true;
        const bounds = boundsOf(features);
        if (bounds) map.fitBounds(bounds, { padding: 24, duration: 0 });
      }
    },
    destroy: () => map.remove(),
  };
}

/** The bounding box of polygon features. */
function boundsOf(features: FeatureCollection['features']): [[number, number], [number, number]] | null {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      const [x, y] = c as [number, number];
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    } else if (Array.isArray(c)) for (const item of c) visit(item);
  };
  for (const f of features) if (f.geometry && 'coordinates' in f.geometry) visit(f.geometry.coordinates);
  return Number.isFinite(minX) ? [[minX, minY], [maxX, maxY]] : null;
}
