/**
 * Indicators of a département's catalogue for its coordinators (GET /api/indicators): how many
 * offers in each status, and among the public ones (published, structure validated) how many per
 * barrier and per thématique catégorie, per area (where they take place), how fresh they are
 * (share overdue) and how complete (distribution of the d·i score). Pure: the caller loads the rows.
 */
import { isOverdue, OFFER_STATUSES, type Offer, type OfferStatus } from './offer.ts';
import { BARRIER_KEYS, barriersOfThematiques, CATEGORIES, type BarrierKey, type Categorie } from './referentials/index.ts';

export type IndicatorOffer = Pick<Offer, 'status' | 'thematiques' | 'completeness' | 'confirmed_at' | 'updated_on' | 'update_frequency_months'> & {
  /** The commune where it takes place: its own, else its structure's. */
  place_commune_code: string | null;
  structure_status: string;
};

export interface IndicatorArea {
  id: string;
  name: string;
  kind: string;
  communes: readonly string[];
}

/** Completeness classes, as the dashboard shows them (lower bound included, upper excluded; the last includes 1). */
export const COMPLETENESS_CLASSES = [
  { key: 'faible', label: 'moins de 50 %', min: 0, max: 0.5 },
  { key: 'moyenne', label: '50 à 75 %', min: 0.5, max: 0.75 },
  { key: 'bonne', label: '75 à 90 %', min: 0.75, max: 0.9 },
  { key: 'excellente', label: '90 % et plus', min: 0.9, max: Infinity },
] as const;

export interface Indicators {
  /** Offers of the département's structures, every status (structures archived or rejected left out). */
  by_status: Record<OfferStatus, number>;
  /** Public offers: published, of a validated structure. */
  published: number;
  by_barrier: Record<BarrierKey, number>;
  by_categorie: Record<Categorie, number>;
  /** Public offers taking place in each area (an offer counts in every area of its commune). */
  by_area: Array<{ id: string; name: string; kind: string; offers: number }>;
  /** Public offers with no place (remote only, itinerant) or a place in no area. */
  without_area: number;
  freshness: { overdue: number; share_overdue: number; never_confirmed: number };
  completeness: { mean: number | null; median: number | null; classes: Array<{ key: string; label: string; offers: number }> };
}

const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
const round2 = (n: number) => Math.round(n * 100) / 100;

export function computeIndicators(offers: readonly IndicatorOffer[], areas: readonly IndicatorArea[], now: Date): Indicators {
  const byStatus = zeros(OFFER_STATUSES);
  const live = offers.filter((o) => o.structure_status !== 'archived' && o.structure_status !== 'rejected');
  for (const o of live) byStatus[o.status]++;

  const visible = live.filter((o) => o.status === 'published' && o.structure_status === 'validated');
  const byBarrier = zeros(BARRIER_KEYS);
  const byCategorie = zeros(CATEGORIES);
  for (const o of visible) {
    for (const b of barriersOfThematiques(o.thematiques ?? [])) byBarrier[b]++;
    const categories = new Set((o.thematiques ?? []).map((t) => t.split('--')[0] as Categorie));
    for (const c of categories) if (c in byCategorie) byCategorie[c]++;
  }

  const areaOf = new Map<string, string[]>();
  for (const a of areas) for (const code of a.communes) areaOf.set(code, [...(areaOf.get(code) ?? []), a.id]);
  const perArea = new Map<string, number>(areas.map((a) => [a.id, 0]));
  let withoutArea = 0;
  for (const o of visible) {
    const ids = o.place_commune_code ? (areaOf.get(o.place_commune_code) ?? []) : [];
    if (!ids.length) withoutArea++;
    for (const id of ids) perArea.set(id, perArea.get(id)! + 1);
  }

  const overdue = visible.filter((o) => isOverdue(o, now)).length;
  const scores = visible.map((o) => o.completeness ?? 0).sort((a, b) => a - b);
  const classes = COMPLETENESS_CLASSES.map((c) => ({ key: c.key, label: c.label, offers: scores.filter((s) => s >= c.min && s < c.max).length }));
  const middle = scores.length ? (scores.length % 2 ? scores[(scores.length - 1) / 2]! : (scores[scores.length / 2 - 1]! + scores[scores.length / 2]!) / 2) : null;

  return {
    by_status: byStatus,
    published: visible.length,
    by_barrier: byBarrier,
    by_categorie: byCategorie,
    by_area: areas.map((a) => ({ id: a.id, name: a.name, kind: a.kind, offers: perArea.get(a.id)! })),
    without_area: withoutArea,
    freshness: {
      overdue,
      share_overdue: visible.length ? round2(overdue / visible.length) : 0,
      never_confirmed: visible.filter((o) => o.confirmed_at === null).length,
    },
    completeness: {
      mean: scores.length ? round2(scores.reduce((a, b) => a + b, 0) / scores.length) : null,
      median: middle === null ? null : round2(middle),
      classes,
    },
  };
}
