/**
 * msw handlers answering like the Géoplateforme geocoder `GET https://data.geopf.fr/geocodage/search`
 * (BAN GeoJSON: FeatureCollection, properties label/score/type/citycode/postcode/x/y in Lambert-93).
 * Answers for Marmande (47157): a house number found with a high score, a vague street with a low
 * one, a query that finds only the commune, and nothing for an unknown address. Citycode filters like
 * the real service; q shorter than 3 characters → 400 like the real service.
 */
import { http, HttpResponse } from 'msw';

export const GEOCODER = 'https://data.geopf.fr/geocodage';

interface Feature {
  /** Normalised words the query must contain to return this feature. */
  words: string[];
  lonlat: [number, number];
  properties: Record<string, unknown>;
}

const MARMANDE_CONTEXT = '47, Lot-et-Garonne, Nouvelle-Aquitaine';

const FEATURES: Feature[] = [
  {
    words: ['14', 'leopold', 'faye'],
    lonlat: [0.166397, 44.500861],
    properties: {
      label: '14 Rue Léopold Faye 47200 Marmande',
      score: 0.9634,
      housenumber: '14',
      id: '47157_0840_00014',
      banId: '6b5f8d0e-2f1e-4c55-9c43-2a1d6f0b7e21',
      name: '14 Rue Léopold Faye',
      postcode: '47200',
      citycode: '47157',
      x: 470118.42,
      y: 6384377.15,
      city: 'Marmande',
      context: MARMANDE_CONTEXT,
      type: 'housenumber',
      importance: 0.59,
      street: 'Rue Léopold Faye',
      _type: 'address',
    },
  },
  {
    words: ['stade'],
    lonlat: [0.171205, 44.493318],
    properties: {
      label: 'Allée du Stade 47200 Marmande',
      score: 0.4712,
      id: '47157_0012',
      banId: '0c9a7d31-5e48-4f2b-a8b3-99f1c7d2e640',
      name: 'Allée du Stade',
      postcode: '47200',
      citycode: '47157',
      x: 470512.9,
      y: 6383528.77,
      city: 'Marmande',
      context: MARMANDE_CONTEXT,
      type: 'street',
      importance: 0.51,
      street: 'Allée du Stade',
      _type: 'address',
    },
  },
  {
    words: ['marmande'],
    lonlat: [0.165302, 44.500035],
    properties: {
      label: 'Marmande',
      score: 0.9705,
      id: '47157',
      banId: 'b7e3c1a4-4f8e-4d3a-9c61-5d2f0a9b8e17',
      name: 'Marmande',
      postcode: '47200',
      citycode: '47157',
      x: 470029.3,
      y: 6384290.6,
      city: 'Marmande',
      context: MARMANDE_CONTEXT,
      type: 'municipality',
      importance: 0.6721,
      population: 17766,
      _type: 'address',
    },
  },
];

function normalize(s: string): string[] {
  return s.toLowerCase().normalize('NFD').replace(/\p{M}+/gu, '').split(/[^a-z0-9]+/).filter(Boolean);
}

/** The /search endpoint over FEATURES: the most specific feature whose words are all in q. */
export function geocodeAnswer(url: URL): Response {
  const q = url.searchParams.get('q') ?? '';
  if (q.trim().length < 3) {
    return HttpResponse.json({ code: 400, message: 'Failed parsing query', detail: ['q: must contain between 3 and 200 chars and start with a number or a letter'] }, { status: 400 });
  }
  const words = new Set(normalize(q));
  const citycode = url.searchParams.get('citycode');
  const limit = Number(url.searchParams.get('limit') ?? 10);
  const found = FEATURES.filter((f) => f.words.every((w) => words.has(w)) && (!citycode || f.properties.citycode === citycode))
    // House numbers and streets before the commune itself, as the real ranking does for such queries.
    .sort((a, b) => a.words.length === b.words.length ? 0 : b.words.length - a.words.length)
    .slice(0, limit);
  return HttpResponse.json({
    type: 'FeatureCollection',
    features: found.map((f) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: f.lonlat }, properties: f.properties })),
    query: q,
  });
}

export const geocoderHandlers = [http.get(`${GEOCODER}/search`, ({ request }) => geocodeAnswer(new URL(request.url)))];
