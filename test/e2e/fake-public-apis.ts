/**
 * Preloaded into the browser tests' server (`node --import`, see harness.ts `startServer`): the public
 * APIs this machine cannot reach — recherche-entreprises (SIRENE) and the national geocoder — are
 * answered by our msw handlers (test/mocks/), so onboarding and geocoding run end to end without a
 * network call. Every other request goes through untouched. Never loaded outside the tests.
 */
import { setupServer } from 'msw/node';
import { geocoderHandlers } from '../mocks/geocoder.ts';
import { rechercheEntreprisesHandlers } from '../mocks/recherche-entreprises.ts';

setupServer(...geocoderHandlers, ...rechercheEntreprisesHandlers).listen({ onUnhandledRequest: 'bypass' });
