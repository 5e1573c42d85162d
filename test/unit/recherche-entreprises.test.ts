/**
 * The recherche-entreprises.api.gouv.fr client against msw (the machine has no network): realistic
 * answers, closed and non-diffusible establishments, timeout, retry and French errors.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setupServer } from 'msw/node';
import { delay, http, HttpResponse } from 'msw';
import { createRechercheEntreprisesClient } from '../../api/clients/recherche-entreprises.ts';
import { ExternalServiceError } from '../../api/clients/http.ts';
import { establishmentRefusal } from '../../api/domain/establishment.ts';
import { structurePrefill } from '../../api/domain/structure-input.ts';
import {
  ASSOCIATION_CLOSED_SIRET,
  ASSOCIATION_HEAD_OFFICE_SIRET,
  ASSOCIATION_WORKSHOP_SIRET,
  CCAS_SIRET,
  NON_DIFFUSIBLE_SIRET,
  RECHERCHE_ENTREPRISES,
  rechercheEntreprisesHandlers,
  searchAnswer,
  UNKNOWN_SIRET,
} from '../mocks/recherche-entreprises.ts';

const server = setupServer(...rechercheEntreprisesHandlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const client = createRechercheEntreprisesClient({ retryDelayMs: 0 });

/** Answers with `answer(attempt)`, counting the requests. */
function answering(answer: (attempt: number, url: URL) => Response | Promise<Response>) {
  const seen = { requests: [] as URL[] };
  server.use(
    http.get(`${RECHERCHE_ENTREPRISES}/search`, async ({ request }) => {
      const url = new URL(request.url);
      seen.requests.push(url);
      return answer(seen.requests.length, url);
    }),
  );
  return seen;
}

describe('searching an establishment by name and commune', () => {
  it('finds the association in Marmande with its establishments there, open ones first', async () => {
    const seen = answering((_, url) => searchAnswer(url));
    const { total, results } = await client.search({ q: 'tremplin', communeCode: '47157' });
    expect(seen.requests[0]!.searchParams.get('code_commune')).toBe('47157');
    expect(total).toBe(1);
    const [found] = results;
    expect(found).toMatchObject({
      siret: ASSOCIATION_HEAD_OFFICE_SIRET,
      siren: '417628930',
      name: 'TREMPLIN VAL DE GARONNE',
      address: '14 RUE LEOPOLD FAYE',
      postal_code: '47200',
      commune_code: '47157',
      commune_name: 'MARMANDE',
      lon: 0.166412,
      lat: 44.500873,
      naf: '88.99B',
      legal_form: '9220',
      is_head_office: true,
      closed: false,
      non_diffusible: false,
      rna: 'W472000815',
      siae_type: 'ACI',
    });
    expect(found!.establishments.map((e) => [e.siret, e.establishment_name])).toEqual([
      [ASSOCIATION_HEAD_OFFICE_SIRET, null],
      [ASSOCIATION_WORKSHOP_SIRET, 'RESSOURCERIE DU VAL'],
    ]);
  });

  it('finds the CCAS and prefills a structure from it', async () => {
    const { results } = await client.search({ q: 'action sociale marmande', postalCode: '47200' });
    expect(results).toHaveLength(1);
    const ccas = results[0]!;
    expect(ccas).toMatchObject({ siret: CCAS_SIRET, legal_form: '7361', establishment_name: 'CCAS', address: '3 RUE DE LA LIBERATION', address_complement: 'HOTEL DE VILLE' });
    expect(structurePrefill(ccas)).toMatchObject({
      name: "Centre Communal d'Action Sociale de Marmande (CCAS)",
      typology: 'ccas',
      address: '3 Rue de la Liberation',
      address_complement: 'Hotel de Ville',
      commune_code: '47157',
      siret: CCAS_SIRET,
    });
  });

  it('shows a closed establishment as closed, and a structure cannot be created from it', async () => {
    const { results } = await client.search({ q: 'tremplin', communeCode: '47310' });
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ siret: ASSOCIATION_CLOSED_SIRET, commune_name: 'TONNEINS', closed: true, closed_on: '2021-06-30' });
    expect(establishmentRefusal(results[0]!)).toMatch(/^Cet établissement est fermé depuis le 30\/06\/2021/);
  });

  it('returns an empty list when nothing matches', async () => {
    expect(await client.search({ q: 'association introuvable', communeCode: '47157' })).toEqual({ total: 0, results: [] });
  });

  it('does not send queries the API refuses', async () => {
    await expect(client.search({ q: ' ab ' })).rejects.toThrow(RangeError);
  });
});

describe('looking up a SIRET', () => {
  it('returns that establishment even when it is not the head office', async () => {
    const found = await client.bySiret(ASSOCIATION_WORKSHOP_SIRET);
    expect(found).toMatchObject({ siret: ASSOCIATION_WORKSHOP_SIRET, establishment_name: 'RESSOURCERIE DU VAL', is_head_office: false, closed: false });
    // In matching lists the API drops the complement: the street comes from the full address.
    expect(found!.address).toBe('ZONE ARTISANALE 2 CHEMIN DE LA GRAVETTE');
  });

  it('gives a closed establishment flagged as closed', async () => {
    expect(await client.bySiret('417 628 930 00014')).toMatchObject({ siret: ASSOCIATION_CLOSED_SIRET, closed: true, closed_on: '2021-06-30' });
  });

  it('keeps only what a non-diffusible establishment shows: no name, address nor coordinates, never the mask', async () => {
    const found = await client.bySiret(NON_DIFFUSIBLE_SIRET);
    expect(found).toMatchObject({
      siret: NON_DIFFUSIBLE_SIRET,
      non_diffusible: true,
      name: null,
      establishment_name: null,
      address: null,
      postal_code: null,
      lon: null,
      lat: null,
      commune_code: '47157',
      commune_name: 'MARMANDE',
      closed: false,
    });
    expect(JSON.stringify(found)).not.toContain('NON-DIFFUSIBLE');
    // The person claiming it types the name and address they want published.
    expect(structurePrefill(found!)).toMatchObject({ name: '', address: null, commune_code: '47157' });
  });

  it('returns null for a SIRET the directory does not know', async () => {
    expect(await client.bySiret(UNKNOWN_SIRET)).toBeNull();
  });
});

describe('when the API misbehaves', () => {
  it('retries once after a 503 and succeeds', async () => {
    const seen = answering((attempt, url) => (attempt === 1 ? new HttpResponse('Service Unavailable', { status: 503 }) : searchAnswer(url)));
    const found = await client.bySiret(CCAS_SIRET);
    expect(seen.requests).toHaveLength(2);
    expect(found?.siret).toBe(CCAS_SIRET);
  });

  it('retries after a 429 and honours a short Retry-After', async () => {
    const seen = answering((attempt, url) =>
      attempt === 1 ? HttpResponse.json({ erreur: 'Trop de requêtes' }, { status: 429, headers: { 'retry-after': '0' } }) : searchAnswer(url),
    );
    expect((await client.search({ q: 'tremplin' })).total).toBe(1);
    expect(seen.requests).toHaveLength(2);
  });

  it('gives up after one retry with a French message', async () => {
    const seen = answering(() => new HttpResponse(null, { status: 502 }));
    const error = await client.search({ q: 'tremplin', communeCode: '47157' }).catch((e: unknown) => e);
    expect(seen.requests).toHaveLength(2);
    expect(error).toBeInstanceOf(ExternalServiceError);
    expect((error as ExternalServiceError).message).toBe(
      'Impossible d’obtenir les établissements correspondant à « tremplin » auprès de recherche-entreprises.api.gouv.fr (réponse HTTP 502). Réessayez dans quelques minutes.',
    );
    expect(error).toMatchObject({ failure: 'http', status: 502 });
  });

  it('times out each attempt and says so', async () => {
    const seen = answering(async () => {
      await delay('infinite');
      return HttpResponse.json({});
    });
    const slow = createRechercheEntreprisesClient({ retryDelayMs: 0, timeoutMs: 100 });
    const started = Date.now();
    const error = await slow.bySiret(CCAS_SIRET).catch((e: unknown) => e);
    expect(seen.requests).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(error).toMatchObject({ failure: 'timeout' });
    expect((error as Error).message).toMatch(/\(pas de réponse en 0,1 s\)/);
  });

  it('reports an unreachable service', async () => {
    answering(() => HttpResponse.error());
    await expect(client.bySiret(CCAS_SIRET)).rejects.toThrow(
      'Impossible d’obtenir l’établissement de SIRET 26470021200014 auprès de recherche-entreprises.api.gouv.fr (service injoignable). Réessayez dans quelques minutes.',
    );
  });

  it('does not retry a refused request and does not tell the user to try again', async () => {
    const seen = answering(() => HttpResponse.json({ erreur: 'Veuillez indiquer au moins un paramètre de recherche.' }, { status: 400 }));
    await expect(client.search({ q: 'tremplin' })).rejects.toThrow(
      'recherche-entreprises.api.gouv.fr a refusé la demande pour les établissements correspondant à « tremplin » (réponse HTTP 400).',
    );
    expect(seen.requests).toHaveLength(1);
  });

  it('reports an answer of an unexpected shape', async () => {
    answering(() => HttpResponse.json({ message: 'maintenance' }));
    await expect(client.search({ q: 'tremplin' })).rejects.toMatchObject({ failure: 'invalid', message: 'Réponse inattendue de recherche-entreprises.api.gouv.fr pour les établissements correspondant à « tremplin ».' });
  });
});
