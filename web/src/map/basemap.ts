/**
 * The basemap. Offline by default: a plain background with the département's communes and contour
 * from our own territory API (no tile server, no glyphs). With MAP_STYLE_URL (GET /api/config) the
 * configured raster or vector style is used, and the département contour is drawn over it.
 */
import { Map as MapLibreMap, NavigationControl, type MapOptions, type StyleSpecification } from 'maplibre-gl';
import { departementLayerUrl, getConfig } from '../api/endpoints.ts';
import { MAP_COLORS } from './colors.ts';
import { FRENCH_MAP_LOCALE } from './locale.ts';

export function offlineStyle(): StyleSpecification {
  return {
    version: 8,
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': MAP_COLORS.background } }],
  };
}

export interface Basemap {
  style: string | StyleSpecification;
  offline: boolean;
}

export async function basemap(): Promise<Basemap> {
  try {
    const config = await getConfig();
    if (config.map_style_url) return { style: config.map_style_url, offline: false };
  } catch {
    // Without the configuration the offline basemap still works.
  }
  return { style: offlineStyle(), offline: true };
}

/** First layer id of our own overlays: territory layers go below it. */
export const FIRST_OVERLAY_LAYER = 'origin-area';

/** Adds the communes and contour of each département (once each), under the result layers. */
export function showDepartements(map: MapLibreMap, codes: readonly string[], offline: boolean): void {
  for (const code of codes) {
    const contour = `departement-${code}`;
    if (map.getSource(contour)) continue;
    const before = map.getLayer(FIRST_OVERLAY_LAYER) ? FIRST_OVERLAY_LAYER : undefined;
    // One light fill (the département) and thin commune lines: cheap to draw, even without a GPU.
    map.addSource(contour, { type: 'geojson', data: departementLayerUrl(code, 'contour'), tolerance: 1 });
    if (offline) {
      const communes = `communes-${code}`;
      map.addLayer({ id: `${contour}-fill`, type: 'fill', source: contour, paint: { 'fill-color': MAP_COLORS.land } }, before);
      // Borders are a backdrop: simplified, and tiled up to zoom 10 only (over-zoomed beyond), which
      // spares the worker most of the re-tiling while zooming.
      map.addSource(communes, { type: 'geojson', data: departementLayerUrl(code, 'communes'), tolerance: 1, maxzoom: 10 });
      map.addLayer({ id: `${communes}-line`, type: 'line', source: communes, paint: { 'line-color': MAP_COLORS.communeLine, 'line-width': 0.6 } }, before);
    }
    map.addLayer({ id: `${contour}-line`, type: 'line', source: contour, paint: { 'line-color': MAP_COLORS.departementLine, 'line-width': 2 } }, before);
  }
}

/** A container element carrying its MapLibre map, for the browser tests and the benchmark. */
export type MapHost = HTMLElement & { maplibreMap?: MapLibreMap };

/**
 * A map on the basemap with what every map of the app shares: French controls, no rotation, zoom
 * buttons, attribution only for a remote style; its container carries it (tests, benchmark).
 */
export function newMap(container: HTMLElement, base: Basemap, options: Omit<MapOptions, 'container' | 'style'>): MapLibreMap {
  const map = new MapLibreMap({
    container,
    style: base.style,
    locale: FRENCH_MAP_LOCALE,
    attributionControl: base.offline ? false : { compact: true },
    dragRotate: false,
    ...options,
  });
  (container as MapHost).maplibreMap = map;
  map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
  return map;
}
