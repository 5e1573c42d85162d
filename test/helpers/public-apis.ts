/**
 * The public APIs this machine cannot reach (geocoder, recherche-entreprises), answered by our msw
 * handlers through an injected fetch rather than a patched global one: each app gets its own, so
 * test files running in parallel cannot see each other's handlers. The request's AbortSignal is
 * honoured, so a handler that never answers ends in the client's own timeout.
 */
import { getResponse, type RequestHandler } from 'msw';
import { createGeocoder, type Geocoder } from '../../api/clients/geocoder.ts';
import { createRechercheEntreprisesClient, type EstablishmentDirectory } from '../../api/clients/recherche-entreprises.ts';
import type { HttpClientOptions } from '../../api/clients/http.ts';
import { geocoderHandlers } from '../mocks/geocoder.ts';
import { rechercheEntreprisesHandlers } from '../mocks/recherche-entreprises.ts';

export function mswFetch(handlers: readonly RequestHandler[]): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const aborted = new Promise<never>((_, reject) => {
      if (request.signal.aborted) reject(request.signal.reason);
      request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true });
    });
    const response = await Promise.race([getResponse([...handlers], request), aborted]);
    if (!response) throw new TypeError(`fetch failed: no msw handler for ${request.method} ${request.url}`);
    // HttpResponse.error() stands for a network failure: fetch rejects.
    if (response.type === 'error') throw new TypeError('fetch failed');
    return response;
  };
}

/** Client options for tests: msw answers, no pause before the retry, a short timeout. */
function options(handlers: readonly RequestHandler[], overrides: HttpClientOptions): HttpClientOptions {
  return { fetch: mswFetch(handlers), retryDelayMs: 0, timeoutMs: 1_000, ...overrides };
}

export function testGeocoder(handlers: readonly RequestHandler[] = geocoderHandlers, overrides: HttpClientOptions = {}): Geocoder {
  return createGeocoder(options(handlers, overrides));
}

export function testEstablishments(handlers: readonly RequestHandler[] = rechercheEntreprisesHandlers, overrides: HttpClientOptions = {}): EstablishmentDirectory {
  return createRechercheEntreprisesClient(options(handlers, overrides));
}
