/**
 * The map of the editing forms: where the offer or the structure is, as a pin the person can drag
 * (or put down with a click) to set the coordinates by hand — after the geocoder placed it roughly,
 * or when it found nothing.
 */
import { Marker } from 'maplibre-gl';
import { basemap, newMap, showDepartements } from './basemap.ts';
import { MAP_COLORS } from './colors.ts';
import type { LonLat } from './geometry.ts';

export interface PinMap {
  ready: Promise<void>;
  /** Moves the pin (null: no pin) and, with `focus`, the camera to it or to the fallback centre. */
  setPoint(point: LonLat | null, focus?: LonLat | null): void;
  destroy(): void;
}

export interface PinMapOptions {
  container: HTMLElement;
  point: LonLat | null;
  /** Where to look when there is no pin yet (the commune's centre). */
  centre: LonLat | null;
  departement: string | null;
  /** The person dragged the pin or clicked the map. */
  onMove: (point: LonLat) => void;
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;

export async function createPinMap(options: PinMapOptions): Promise<PinMap> {
  const base = await basemap();
  const start = options.point ?? options.centre;
  const map = newMap(options.container, base, { center: start ?? [2.4, 46.6], zoom: options.point ? 15 : start ? 12 : 5, cooperativeGestures: true });
  const marker = new Marker({ color: MAP_COLORS.highlight, draggable: true });
  marker.getElement().setAttribute('aria-label', 'Repère de l’adresse (déplaçable)');
  let shown = false;
  const place = (point: LonLat | null) => {
    if (!point) {
      marker.remove();
      shown = false;
      return;
    }
    marker.setLngLat(point);
    if (!shown) marker.addTo(map);
    shown = true;
  };
  marker.on('dragend', () => {
    const { lng, lat } = marker.getLngLat();
    options.onMove([round(lng), round(lat)]);
  });
  map.on('click', (event) => {
    const point: LonLat = [round(event.lngLat.lng), round(event.lngLat.lat)];
    place(point);
    options.onMove(point);
  });
  place(options.point);
  const ready = new Promise<void>((resolve) => {
    map.on('load', () => {
      if (options.departement) showDepartements(map, [options.departement], base.offline);
      resolve();
    });
  });
  return {
    ready,
    setPoint(point, focus) {
      place(point);
      const target = point ?? focus ?? null;
      if (focus !== undefined && target) map.jumpTo({ center: target, zoom: point ? 15 : 12 });
    },
    destroy: () => map.remove(),
  };
}
