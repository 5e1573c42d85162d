/**
 * Why an offer was chosen, as short French phrases an agent can read aloud:
 * « Garde d’enfants · à 8 km · 3 places · mis à jour il y a 2 mois · public : jeunes ».
 */
import { isSummaryOverdue } from './summary.ts';
import { labelOf, type BarrierKey } from '../referentials/index.ts';
import { isCandidateFull, type Access, type MatchCandidate } from './candidate.ts';
import { answers, type Need } from './needs.ts';
import { frenchRelativeTime } from './time.ts';

const MAX_NEED_LABELS = 3;

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

export function accessReason(access: Access): string {
  if (access.kind === 'itinerant') return `itinérant : passe à ${access.commune}`;
  if (access.kind === 'remote') return 'à distance';
  return access.km < 1 ? 'sur place' : `à ${Math.round(access.km)} km`;
}

export function placesReason(c: Pick<MatchCandidate, 'places_available' | 'full'>): string | null {
  if (isCandidateFull(c)) return 'complet';
  const n = c.places_available;
  if (n == null) return null;
  return `${n} place${n > 1 ? 's' : ''}`;
}

export interface ReasonContext {
  /** The need this list is shown under (its thématique labels come first); null = every need. */
  need: Need | null;
  needs: readonly Need[];
  access: Access | null;
  publics?: readonly string[] | undefined;
  now: Date;
}

export function reasonsFor(c: MatchCandidate, ctx: ReasonContext): string[] {
  const reasons: string[] = [];
  const shown = ctx.need ? [ctx.need] : ctx.needs;
  const wanted = new Set<string>(shown.flatMap((n) => n.thematiques));
  const labels = c.thematiques.filter((t) => wanted.has(t)).map((t) => labelOf('thematiques', t) ?? t);
  reasons.push(...labels.slice(0, MAX_NEED_LABELS));
  if (ctx.need) {
    const also: BarrierKey[] = ctx.needs.filter((n) => n.barrier !== ctx.need!.barrier && answers(n, c.thematiques)).map((n) => n.barrier);
    if (also.length) reasons.push(`répond aussi : ${also.map((b) => labelOf('barriers', b) ?? b).join(', ')}`);
  }
  if (ctx.access) reasons.push(accessReason(ctx.access));
  const places = placesReason(c);
  if (places) reasons.push(places);
  // Not confirmed within its update frequency: said, so the professional calls before sending someone.
  reasons.push(`mis à jour ${frenchRelativeTime(new Date(c.confirmed_at), ctx.now)}${isSummaryOverdue(c, ctx.now) ? ' (à vérifier)' : ''}`);
  const publics = ctx.publics?.length ? c.publics.filter((p) => p !== 'tous-publics' && ctx.publics!.includes(p)) : [];
  if (publics.length) reasons.push(`public : ${publics.map((p) => lowerFirst(labelOf('publics', p) ?? p)).join(', ')}`);
  return reasons;
}
