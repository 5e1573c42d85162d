/**
 * The results map: offers as a clustered GeoJSON source (thousands of points stay fluid), the
 * person's commune with the search radius, and a highlight layer for the hovered or selected offer
 * (drawn above clusters, so a card always shows where it is). Hover and click report offer ids back
 * to the list.
 */
import { LngLatBounds, Popup, type GeoJSONSource, type Map as MapLibreMap, type MapLayerMouseEvent } from 'maplibre-gl';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { basemap, FIRST_OVERLAY_LAYER, newMap, showDepartements } from './basemap.ts';
import { CLUSTER_ICON_PREFIX, provideClusterIcons } from './cluster-icons.ts';
import { circlePolygon, type LonLat } from './geometry.ts';
import { MAP_COLORS } from './colors.ts';

export interface ResultPoint {
  id: string;
  name: string;
  lon: number;
  lat: number;
}

export interface Origin {
  centre: LonLat;
  radiusKm: number | null;
}

export interface ResultsMapOptions {
  container: HTMLElement;
  onHover?: (id: string | null) => void;
  onSelect?: (id: string) => void;
  /** Group nearby markers (default). The benchmark turns it off to measure what clustering saves. */
  cluster?: boolean;
}

export interface ResultsMap {
  /** Resolves when the style and our layers are ready. */
  ready: Promise<void>;
  setResults(points: readonly ResultPoint[], origin: Origin | null, departements: readonly string[]): void;
  setHighlight(hovered: string | null, selected: string | null): void;
  /** Moves the camera to show an offer (selection from the list). */
  reveal(id: string): void;
  resize(): void;
  destroy(): void;
  /** The MapLibre map, for the benchmark. */
  readonly map: MapLibreMap;
}


const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

const pointFeature = (p: ResultPoint, properties: Record<string, unknown> = {}): Feature<Point> => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
  properties: { id: p.id, name: p.name, ...properties },
});

export async function createResultsMap(options: ResultsMapOptions): Promise<ResultsMap> {
  const base = await basemap();
  const map = newMap(options.container, base, { center: [2.4, 46.6], zoom: 5, pitchWithRotate: false, cooperativeGestures: false, fadeDuration: 0 });
  map.touchZoomRotate.disableRotation();
  provideClusterIcons(map);

  let points = new Map<string, ResultPoint>();
  let pendingResults: Parameters<ResultsMap['setResults']> | null = null;
  let loaded = false;

  const ready = new Promise<void>((resolve) => {
    map.on('load', () => {
      map.addSource('origin', { type: 'geojson', data: EMPTY });
      map.addLayer({ id: FIRST_OVERLAY_LAYER, type: 'fill', source: 'origin', filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'fill-color': MAP_COLORS.primary, 'fill-opacity': 0.05 } });
      map.addLayer({ id: 'origin-radius', type: 'line', source: 'origin', filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'line-color': MAP_COLORS.primary, 'line-width': 1.5, 'line-dasharray': [3, 2] } });
      map.addLayer({ id: 'origin-centre', type: 'circle', source: 'origin', filter: ['==', ['geometry-type'], 'Point'], paint: { 'circle-radius': 6, 'circle-color': '#ffffff', 'circle-stroke-color': MAP_COLORS.origin, 'circle-stroke-width': 3 } });

      map.addSource('offers', { type: 'geojson', data: EMPTY, cluster: options.cluster ?? true, clusterRadius: 44, clusterMaxZoom: 13, promoteId: 'id' });
      map.addLayer({
        id: 'offer-clusters',
        type: 'symbol',
        source: 'offers',
        filter: ['has', 'point_count'],
        layout: { 'icon-image': ['concat', CLUSTER_ICON_PREFIX, ['to-string', ['get', 'point_count_abbreviated']]], 'icon-allow-overlap': true, 'icon-ignore-placement': true },
      });
      map.addLayer({
        id: 'offer-points',
        type: 'circle',
        source: 'offers',
        filter: ['!', ['has', 'point_count']],
        paint: {
          'circle-radius': ['case', ['boolean', ['feature-state', 'hover'], false], 9, 7],
          'circle-color': ['case', ['boolean', ['feature-state', 'hover'], false], MAP_COLORS.highlight, MAP_COLORS.primary],
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 2,
        },
      });
      map.addSource('highlight', { type: 'geojson', data: EMPTY });
      map.addLayer({
        id: 'offer-highlight',
        type: 'circle',
        source: 'highlight',
        paint: {
          'circle-radius': ['case', ['get', 'selected'], 12, 10],
          'circle-color': MAP_COLORS.highlight,
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 3,
        },
      });
      loaded = true;
      if (pendingResults) controller.setResults(...pendingResults);
      resolve();
    });
  });

  let hoveredFeature: string | null = null;
  const setHoverState = (id: string | null) => {
    if (hoveredFeature && map.getSource('offers')) map.setFeatureState({ source: 'offers', id: hoveredFeature }, { hover: false });
    hoveredFeature = id;
    if (id && map.getSource('offers')) map.setFeatureState({ source: 'offers', id }, { hover: true });
  };

  const idAt = (event: MapLayerMouseEvent): string | null => {
    const id = event.features?.[0]?.properties?.id;
    return typeof id === 'string' ? id : null;
  };
  for (const layer of ['offer-points', 'offer-highlight']) {
    map.on('mousemove', layer, (event) => {
      map.getCanvas().style.cursor = 'pointer';
      const id = idAt(event);
      if (id !== hoveredFeature) {
        setHoverState(id);
        options.onHover?.(id);
      }
    });
    map.on('mouseleave', layer, () => {
      map.getCanvas().style.cursor = '';
      setHoverState(null);
      options.onHover?.(null);
    });
    map.on('click', layer, (event) => {
      const id = idAt(event);
      if (id) options.onSelect?.(id);
    });
  }
  map.on('mouseenter', 'offer-clusters', () => (map.getCanvas().style.cursor = 'zoom-in'));
  map.on('mouseleave', 'offer-clusters', () => (map.getCanvas().style.cursor = ''));
  map.on('click', 'offer-clusters', async (event) => {
    const feature = event.features?.[0];
    const clusterId = feature?.properties?.cluster_id;
    if (typeof clusterId !== 'number' || feature?.geometry.type !== 'Point') return;
    const zoom = await (map.getSource('offers') as GeoJSONSource).getClusterExpansionZoom(clusterId);
    map.easeTo({ center: feature.geometry.coordinates as LonLat, zoom });
  });

  const highlightData = (hovered: string | null, selected: string | null): FeatureCollection => {
    const features: Feature[] = [];
    const sel = selected ? points.get(selected) : undefined;
    const hov = hovered && hovered !== selected ? points.get(hovered) : undefined;
    if (sel) features.push(pointFeature(sel, { selected: true }));
    if (hov) features.push(pointFeature(hov, { selected: false }));
    return { type: 'FeatureCollection', features };
  };

  const popup = new Popup({ offset: 14, closeButton: true, closeOnClick: false, maxWidth: '16rem', className: 'offer-popup' });

  const controller: ResultsMap = {
    ready,
    map,
    setResults(list, origin, departements) {
      points = new Map(list.map((p) => [p.id, p]));
      if (!loaded) {
        pendingResults = [list, origin, departements];
        return;
      }
      showDepartements(map, departements, base.offline);
      (map.getSource('offers') as GeoJSONSource).setData({ type: 'FeatureCollection', features: list.map((p) => pointFeature(p)) });
      const originFeatures: Feature[] = [];
      if (origin) {
        if (origin.radiusKm) originFeatures.push({ type: 'Feature', geometry: circlePolygon(origin.centre, origin.radiusKm), properties: {} });
        originFeatures.push({ type: 'Feature', geometry: { type: 'Point', coordinates: origin.centre }, properties: {} });
      }
      (map.getSource('origin') as GeoJSONSource).setData({ type: 'FeatureCollection', features: originFeatures });
      (map.getSource('highlight') as GeoJSONSource).setData(EMPTY);
      const bounds = new LngLatBounds();
      for (const p of list) bounds.extend([p.lon, p.lat]);
      if (origin) {
        bounds.extend(origin.centre);
        // The whole radius circle stays in view (with the markers, some of which may lie beyond it).
        if (origin.radiusKm) for (const c of circlePolygon(origin.centre, origin.radiusKm, 16).coordinates[0]!) bounds.extend(c as LonLat);
      }
      if (!bounds.isEmpty()) map.fitBounds(bounds, { padding: 48, maxZoom: 12, duration: 0 });
    },
    setHighlight(hovered, selected) {
      // What the map shows, readable in the DOM (tests, debugging).
      options.container.dataset.hovered = hovered ?? '';
      options.container.dataset.selected = selected ?? '';
      if (!loaded) return;
      (map.getSource('highlight') as GeoJSONSource).setData(highlightData(hovered, selected));
    },
    reveal(id) {
      const p = points.get(id);
      if (!p) return;
      const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
      if (!map.getBounds().contains([p.lon, p.lat])) map.easeTo({ center: [p.lon, p.lat], duration: still ? 0 : 400 });
      // Its name on the map, by the (highlighted) marker.
      popup.setLngLat([p.lon, p.lat]).setText(p.name).addTo(map);
      popup.getElement()?.setAttribute('data-offer-id', id);
    },
    resize: () => map.resize(),
    destroy: () => map.remove(),
  };
  return controller;
}
