/**
 * Structure onboarding: find the establishment in the SIRENE directory (GET /api/establishments,
 * by name + commune or by SIRET), then ask to join a structure already registered (a claim when it
 * has nobody yet), and the answers to those requests.
 *
 *   GET  /api/establishments?q=&commune= | ?siret=
 *   POST /api/structures/:id/join-requests            professional
 *   GET  /api/structures/:id/join-requests?status=    the structure's admins, coordinators
 *   POST /api/join-requests/:id/{accept,refuse}       join: the structure's admins; claim: coordinators
 *   POST /api/join-requests/:id/cancel                the requester
 */
import { Hono } from 'hono';
import { takeHourlyQuota } from '../auth/rate-limit.ts';
import { z } from 'zod';
import type { ServiceDeps } from '../app.ts';
import { authorize, requireUser, type Actor } from '../auth/permissions.ts';
import { parseInputBody } from '../http/body.ts';
import { editedOrProblem, externalServiceProblem } from '../http/edit-result.ts';
import { HttpProblem, notFound } from '../http/problem.ts';
import { parseOr400 } from '../http/validate.ts';
import { ExternalServiceError } from '../clients/http.ts';
import { MIN_QUERY_LENGTH } from '../clients/recherche-entreprises.ts';
import { registeredBySiret } from '../db/structure-editing.ts';
import { answerJoinRequest, cancelJoinRequest, createJoinRequest, getJoinRequest, listJoinRequests } from '../db/join-requests.ts';
import { establishmentRefusal, type Establishment } from '../domain/establishment.ts';
import { structurePrefill } from '../domain/structure-input.ts';
import { compactSiret, isValidSiret } from '../domain/siret.ts';
import { text } from '../domain/input-fields.ts';
import type { FieldProblem } from '../domain/field-problem.ts';
import { editContext, idParam, scopeOf, structureOr404 } from './scope.ts';
import { noticeJoinAnswer, noticeJoinRequest, writeAndNotify } from './notices.ts';

/** Fails with the directory's French message when it does not answer (timeout 504, unreachable 503, error 502). */
async function fromDirectory<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof ExternalServiceError) throw externalServiceProblem(error);
    throw error;
  }
}

/** Problems with a SIRET the directory knows nothing about, or whose establishment is closed. */
export async function siretProblems(deps: Pick<ServiceDeps, 'establishments'>, siret: string): Promise<FieldProblem[]> {
  const found = await fromDirectory(() => deps.establishments.bySiret(siret));
  if (!found) return [{ path: 'siret', message: 'SIRET inconnu du répertoire SIRENE : vérifiez les 14 chiffres' }];
  const refusal = establishmentRefusal(found);
  return refusal ? [{ path: 'siret', message: refusal }] : [];
}

const establishmentsQuery = z
  .object({
    q: z.string().trim().min(MIN_QUERY_LENGTH, `Au moins ${MIN_QUERY_LENGTH} caractères`).max(100, 'Texte trop long (100 caractères au plus)').optional(),
    commune: z.string().regex(/^(\d{5}|2[AB]\d{3})$/, 'Code INSEE de commune attendu (5 caractères)').optional(),
    siret: z
      .string()
      .transform(compactSiret)
      .refine((s) => /^\d{14}$/.test(s), 'SIRET attendu : 14 chiffres')
      .refine(isValidSiret, 'SIRET invalide : la clé de contrôle ne correspond pas (vérifiez les 14 chiffres)')
      .optional(),
    page: z.coerce.number().int().min(1).max(50).default(1),
  })
  .refine((q) => q.q || q.siret, { path: ['q'], message: 'Indiquez le nom de la structure (q) ou son SIRET (siret)' });

const joinBody = z.strictObject({ message: text(1000).optional() });
const acceptBody = z.strictObject({ role: z.enum(['member', 'admin'], { error: 'rôle attendu : « member » ou « admin »' }).default('member') });
const refuseBody = z.strictObject({
  reason: z.string().trim().min(5, 'expliquez le refus en quelques mots (au moins 5 caractères) : la personne le lira').max(1000),
});
const cancelBody = z.strictObject({});

const joinListQuery = z.object({
  status: z.enum(['pending', 'accepted', 'rejected', 'cancelled', 'all'], { error: 'statut attendu : pending, accepted, rejected, cancelled ou all' }).default('pending'),
});

/**
 * Directory lookups one account may make per hour. recherche-entreprises allows 7 requests a second
 * per IP to the whole service; this keeps one account (or a script behind it) from using it all.
 */
export const ESTABLISHMENT_LOOKUPS_PER_HOUR = 120;

export function onboardingRoutes(deps: ServiceDeps) {
  const app = new Hono();

  /** Establishments with what onboarding needs: why one cannot be registered, the form prefill, the structure already registered with it. */
  const annotated = async (establishments: readonly Establishment[]) => {
    const registered = await registeredBySiret(deps.db, establishments.map((e) => e.siret));
    return (e: Establishment) => {
      const refusal = establishmentRefusal(e);
      return { ...e, refusal, prefill: refusal ? null : structurePrefill(e), registered: registered.get(e.siret) ?? null };
    };
  };

  app.get('/establishments', async (c) => {
    const actor = authorize(c.get('actor'), 'structure:create');
    const q = parseOr400(establishmentsQuery, c.req.query());
    if (!(await takeHourlyQuota(deps, 'establishments:user', actor.userId, ESTABLISHMENT_LOOKUPS_PER_HOUR))) {
      c.header('Retry-After', '3600');
      throw new HttpProblem(429, 'Trop de recherches', 'Vous avez fait beaucoup de recherches dans le répertoire des entreprises en peu de temps : réessayez dans une heure.');
    }
    if (q.siret) {
      const siret = q.siret;
      const found = await fromDirectory(() => deps.establishments.bySiret(siret));
      return c.json({ total: found ? 1 : 0, items: found ? [(await annotated([found]))(found)] : [] });
    }
    const result = await fromDirectory(() => deps.establishments.search({ q: q.q!, communeCode: q.commune ?? null, page: q.page }));
    const annotate = await annotated(result.results.flatMap(({ establishments, ...main }) => [main, ...establishments]));
    const items = result.results.map(({ establishments, ...main }) => ({ ...annotate(main), establishments: establishments.map(annotate) }));
    return c.json({ total: result.total, page: q.page, items });
  });

  app.post('/structures/:id/join-requests', async (c) => {
    const actor = authorize(c.get('actor'), 'structure:join');
    const { structure } = await structureOr404(deps, idParam(c));
    const body = await parseInputBody(c, joinBody, { optional: true });
    const request = editedOrProblem(
      await writeAndNotify(deps, (db) => createJoinRequest(db, { userId: actor.userId, structureId: structure.id, message: body.message ?? null }, deps.clock()), noticeJoinRequest),
    );
    return c.json(request, 201);
  });

  app.get('/structures/:id/join-requests', async (c) => {
    const { structure, scope } = await structureOr404(deps, idParam(c));
    authorize(c.get('actor'), 'structure:members:manage', scope);
    const q = parseOr400(joinListQuery, c.req.query());
    return c.json(await listJoinRequests(deps.db, { structureId: structure.id, ...(q.status === 'all' ? {} : { status: q.status }) }));
  });

  /** The request and its structure, after checking the actor may answer it. */
  const answerable = async (actor: Actor | undefined, id: string) => {
    const request = await getJoinRequest(deps.db, id);
    if (!request) throw notFound('Aucune demande ne porte cet identifiant.');
    const { structure } = await structureOr404(deps, request.structure.id);
    // A claim hands a structure to its first admin: the coordinators decide, as for a new structure.
    const user = authorize(actor, request.kind === 'claim' ? 'structure:moderate' : 'structure:members:manage', scopeOf(structure));
    return { request, user };
  };

  app.post('/join-requests/:id/accept', async (c) => {
    const { request, user } = await answerable(c.get('actor'), idParam(c));
    const body = await parseInputBody(c, acceptBody, { optional: true });
    const answered = editedOrProblem(
      await writeAndNotify(deps, (db) => answerJoinRequest(db, request.id, { decision: 'accept', role: body.role }, { actorUserId: user.userId, now: deps.clock() }), noticeJoinAnswer),
    );
    return c.json(answered);
  });

  app.post('/join-requests/:id/refuse', async (c) => {
    const { request, user } = await answerable(c.get('actor'), idParam(c));
    const body = await parseInputBody(c, refuseBody);
    const answered = editedOrProblem(
      await writeAndNotify(deps, (db) => answerJoinRequest(db, request.id, { decision: 'refuse', reason: body.reason }, { actorUserId: user.userId, now: deps.clock() }), noticeJoinAnswer),
    );
    return c.json(answered);
  });

  app.post('/join-requests/:id/cancel', async (c) => {
    const actor = requireUser(c.get('actor'));
    const request = await getJoinRequest(deps.db, idParam(c));
    if (!request) throw notFound('Aucune demande ne porte cet identifiant.');
    if (request.requester.id !== actor.userId) {
      throw new HttpProblem(403, 'Accès refusé', 'Seule la personne qui a fait la demande peut l’annuler.');
    }
    await parseInputBody(c, cancelBody, { optional: true });
    return c.json(editedOrProblem(await cancelJoinRequest(deps.db, request.id, editContext(deps, actor).now)));
  });

  return app;
}
