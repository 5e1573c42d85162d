/**
 * msw handlers answering like geo.api.gouv.fr (découpage administratif) for the requests the
 * territory loader makes: commune centres (JSON) and a département's commune contours (GeoJSON).
 * Real codes and centres; small made-up polygons around them.
 */
import { http, HttpResponse } from 'msw';

export const GEO_API = 'https://geo.api.gouv.fr';

/** GET /communes?fields=code,centre&format=json&geometry=centre — shape of the real answer. */
export const centresAnswer = [
  { code: '15014', centre: { type: 'Point', coordinates: [2.44162, 44.92447] } },
  { code: '15187', centre: { type: 'Point', coordinates: [3.08295, 45.02861] } },
  { code: '47001', centre: { type: 'Point', coordinates: [0.62575, 44.20284] } },
  { code: '40192', centre: { type: 'Point', coordinates: [-0.49067, 43.89957] } },
  // The real API has a few communes without centre.
  { code: '15031', centre: null },
];

/** A square of `r` degrees around a point, with the API's full-precision coordinates. */
function square([lon, lat]: [number, number], r: number): number[][][] {
  const p = (x: number, y: number) => [x + 0.0000012345, y - 0.0000012345];
  return [[p(lon - r, lat - r), p(lon + r, lat - r), p(lon + r, lat + r), p(lon - r, lat + r), p(lon - r, lat - r)]];
}

/** GET /departements/23/communes?fields=code,nom&format=geojson&geometry=contour */
export const creuseCommunesAnswer = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', geometry: { type: 'Polygon', coordinates: square([1.87093, 46.16268], 0.05) }, properties: { code: '23096', nom: 'Guéret' } },
    {
      type: 'Feature',
      geometry: { type: 'Polygon', coordinates: square([1.47556, 46.23677], 0.06) },
      properties: { code: '23176', nom: 'La Souterraine' },
    },
    {
      type: 'Feature',
      geometry: { type: 'MultiPolygon', coordinates: [square([2.16648, 45.95071], 0.04), square([2.2, 45.9], 0.01)] },
      properties: { code: '23008', nom: 'Aubusson' },
    },
  ],
};

export const geoApiHandlers = [
  http.get(`${GEO_API}/communes`, ({ request }) => {
    const url = new URL(request.url);
    if (url.searchParams.get('fields') !== 'code,centre') return HttpResponse.json({ code: 400, message: 'Champs inattendus' }, { status: 400 });
    return HttpResponse.json(centresAnswer);
  }),
  http.get(`${GEO_API}/departements/:code/communes`, ({ params, request }) => {
    const url = new URL(request.url);
    if (url.searchParams.get('format') !== 'geojson' || url.searchParams.get('geometry') !== 'contour') {
      return HttpResponse.json({ code: 400, message: 'Format inattendu' }, { status: 400 });
    }
    if (params.code === '23') return HttpResponse.json(creuseCommunesAnswer);
    return HttpResponse.json({ code: 404, message: 'Département non trouvé' }, { status: 404 });
  }),
];
