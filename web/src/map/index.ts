/**
 * Entry of the map chunk, loaded on demand (never in the initial bundle): MapLibre, its CSS and its
 * worker, and our two maps.
 */
import { setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';

setWorkerUrl(workerUrl);

export { createResultsMap, type ResultsMap, type ResultPoint, type Origin } from './results-map.ts';
export { createPlaceMap, type PlaceMap } from './place-map.ts';
export { createPinMap, type PinMap } from './pin-map.ts';
export { createChoroplethMap, type ChoroplethMap, type ChoroplethClass, type ChoroplethLevel } from './choropleth-map.ts';
