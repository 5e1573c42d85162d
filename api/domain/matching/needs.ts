/**
 * Requested needs: what a profile asks for, one need per barrier, each with the thématiques that
 * answer it. A barrier asked as such means all its thématiques; a situation narrows to ITS
 * thématiques (spread over their barriers); a thématique counts for its barrier.
 */
import {
  barrierByKey,
  barrierOfThematique,
  situationById,
  thematiquesOfBarrier,
  type BarrierKey,
  type Thematique,
} from '../referentials/index.ts';

export interface Need {
  barrier: BarrierKey;
  /** French label of the barrier. */
  label: string;
  /** The thématiques that answer this need. */
  thematiques: readonly Thematique[];
}

export interface NeedRequest {
  barriers?: readonly BarrierKey[] | undefined;
  situations?: readonly string[] | undefined;
  thematiques?: readonly string[] | undefined;
}

/** Needs in the order they were first asked for (barriers, then situations, then thématiques). */
export function requestedNeeds(request: NeedRequest): Need[] {
  const byBarrier = new Map<BarrierKey, Set<Thematique>>();
  const add = (barrier: BarrierKey, thematiques: Iterable<Thematique>) => {
    const set = byBarrier.get(barrier) ?? new Set<Thematique>();
    for (const t of thematiques) set.add(t);
    byBarrier.set(barrier, set);
  };
  for (const b of request.barriers ?? []) add(b, thematiquesOfBarrier(b));
  const loose: string[] = [...(request.situations ?? []).flatMap((id) => situationById(id)?.thematiques ?? []), ...(request.thematiques ?? [])];
  for (const t of loose) {
    const barrier = barrierOfThematique(t);
    if (barrier) add(barrier, [t as Thematique]);
  }
  return [...byBarrier].map(([barrier, set]) => {
    // Keep the referential order of thématiques, so reasons read the same whatever the request order.
    const order = thematiquesOfBarrier(barrier);
    return { barrier, label: barrierByKey(barrier).label, thematiques: order.filter((t) => set.has(t)) };
  });
}

/** True when an offer with these thématiques answers the need. */
export function answers(need: Need, thematiques: readonly string[]): boolean {
  return thematiques.some((t) => (need.thematiques as readonly string[]).includes(t));
}
