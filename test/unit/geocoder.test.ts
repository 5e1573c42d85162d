/** The national geocoder client against msw: precise and uncertain answers, retry, timeout, French errors. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setupServer } from 'msw/node';
import { delay, http, HttpResponse } from 'msw';
import { createGeocoder, PRECISE_SCORE } from '../../api/clients/geocoder.ts';
import { ExternalServiceError } from '../../api/clients/http.ts';
import { GEOCODER, geocodeAnswer, geocoderHandlers } from '../mocks/geocoder.ts';

const server = setupServer(...geocoderHandlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const geocoder = createGeocoder({ retryDelayMs: 0 });

function answering(answer: (attempt: number, url: URL) => Response | Promise<Response>) {
  const seen = { requests: [] as URL[] };
  server.use(
    http.get(`${GEOCODER}/search`, async ({ request }) => {
      const url = new URL(request.url);
      seen.requests.push(url);
      return answer(seen.requests.length, url);
    }),
  );
  return seen;
}

describe('geocoding an address', () => {
  it('places a house number precisely, searching in the commune given', async () => {
    const seen = answering((_, url) => geocodeAnswer(url));
    const [best] = await geocoder.search({ q: '14 rue Léopold Faye', citycode: '47157' });
    expect(seen.requests[0]!.searchParams.get('citycode')).toBe('47157');
    expect(seen.requests[0]!.searchParams.get('index')).toBe('address');
    expect(best).toEqual({
      lon: 0.166397,
      lat: 44.500861,
      label: '14 Rue Léopold Faye 47200 Marmande',
      name: '14 Rue Léopold Faye',
      citycode: '47157',
      postcode: '47200',
      city: 'Marmande',
      score: 0.9634,
      type: 'housenumber',
      needs_pin: false,
    });
  });

  it('asks the person to place the pin when the match is uncertain', async () => {
    const [best] = await geocoder.search({ q: 'rue du stade', citycode: '47157' });
    expect(best).toMatchObject({ label: 'Allée du Stade 47200 Marmande', type: 'street', needs_pin: true });
    expect(best!.score).toBeLessThan(PRECISE_SCORE);
  });

  it('asks for the pin when only the commune was found, however high its score', async () => {
    const [best] = await geocoder.search({ q: 'Marmande', citycode: '47157' });
    expect(best).toMatchObject({ type: 'municipality', needs_pin: true });
    expect(best!.score).toBeGreaterThan(0.9);
  });

  it('returns nothing for an unknown address, or one in another commune', async () => {
    expect(await geocoder.search({ q: '99 impasse des Songes', citycode: '47157' })).toEqual([]);
    expect(await geocoder.search({ q: '14 rue Léopold Faye', citycode: '47310' })).toEqual([]);
  });

  it('does not call the service for less than 3 characters', async () => {
    const seen = answering((_, url) => geocodeAnswer(url));
    expect(await geocoder.search({ q: ' 1 ' })).toEqual([]);
    expect(seen.requests).toHaveLength(0);
  });
});

describe('when the geocoder misbehaves', () => {
  it('retries once after a 503 and succeeds', async () => {
    const seen = answering((attempt, url) => (attempt === 1 ? new HttpResponse('<html>503 Service Temporarily Unavailable</html>', { status: 503 }) : geocodeAnswer(url)));
    const [best] = await geocoder.search({ q: '14 rue Léopold Faye Marmande' });
    expect(seen.requests).toHaveLength(2);
    expect(best?.type).toBe('housenumber');
  });

  it('gives up after one retry with a French message', async () => {
    answering(() => new HttpResponse(null, { status: 504 }));
    const error = await geocoder.search({ q: '14 rue Léopold Faye', citycode: '47157' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExternalServiceError);
    expect((error as Error).message).toBe(
      'Impossible d’obtenir la position de l’adresse « 14 rue Léopold Faye » auprès de data.geopf.fr (géocodeur national) (réponse HTTP 504). Réessayez dans quelques minutes.',
    );
  });

  it('times out', async () => {
    const seen = answering(async () => {
      await delay('infinite');
      return HttpResponse.json({});
    });
    const slow = createGeocoder({ retryDelayMs: 0, timeoutMs: 100 });
    await expect(slow.search({ q: '14 rue Léopold Faye' })).rejects.toMatchObject({ failure: 'timeout', message: expect.stringContaining('(pas de réponse en 0,1 s)') });
    expect(seen.requests).toHaveLength(2);
  });

  it('reports an answer that is not GeoJSON', async () => {
    answering(() => HttpResponse.json({ error: 'maintenance' }));
    await expect(geocoder.search({ q: '14 rue Léopold Faye' })).rejects.toMatchObject({ failure: 'invalid' });
  });

  it('can point to api-adresse.data.gouv.fr, which answers the same way', async () => {
    server.use(http.get('https://api-adresse.data.gouv.fr/search', ({ request }) => geocodeAnswer(new URL(request.url))));
    const legacy = createGeocoder({ baseUrl: 'https://api-adresse.data.gouv.fr', retryDelayMs: 0 });
    expect((await legacy.search({ q: '14 rue Léopold Faye', citycode: '47157' }))[0]?.score).toBe(0.9634);
  });
});
