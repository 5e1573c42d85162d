/** A small map around one place (the offer page): the département basemap and one marker. */
import { basemap, newMap, showDepartements } from './basemap.ts';
import { MAP_COLORS } from './colors.ts';
import type { LonLat } from './geometry.ts';

export interface PlaceMap {
  ready: Promise<void>;
  destroy(): void;
}

export async function createPlaceMap(container: HTMLElement, place: LonLat, departement: string | null): Promise<PlaceMap> {
  const base = await basemap();
  const map = newMap(container, base, { center: place, zoom: 11, cooperativeGestures: true });
  const ready = new Promise<void>((resolve) => {
    map.on('load', () => {
      if (departement) showDepartements(map, [departement], base.offline);
      map.addSource('place', { type: 'geojson', data: { type: 'Feature', geometry: { type: 'Point', coordinates: place }, properties: {} } });
      map.addLayer({ id: 'place-halo', type: 'circle', source: 'place', paint: { 'circle-radius': 16, 'circle-color': MAP_COLORS.highlight, 'circle-opacity': 0.2 } });
      map.addLayer({
        id: 'place',
        type: 'circle',
        source: 'place',
        paint: { 'circle-radius': 8, 'circle-color': MAP_COLORS.highlight, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 3 },
      });
      resolve();
    });
  });
  return { ready, destroy: () => map.remove() };
}
