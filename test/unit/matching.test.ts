/** Matching domain (DESIGN §5): radius rule, needs, eligibility and reach, ranking, French reasons, completeness. */
import { describe, expect, it } from 'vitest';
import {
  accessOf,
  frenchDay,
  frenchRelativeTime,
  isEligible,
  matchGroups,
  profileSchema,
  radiusKm,
  rankForNeed,
  requestedNeeds,
  QUALITY_WEIGHTS,
  type MatchCandidate,
  type MatchContext,
  type PersonPlace,
} from '../../api/domain/matching/index.ts';
import { offerCompleteness, type CompletenessInput } from '../../api/domain/completeness.ts';
import { labelOf, thematiquesOfBarrier } from '../../api/domain/referentials/index.ts';

const NOW = new Date('2026-06-15T10:00:00Z');
const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(NOW.getTime() - n * DAY).toISOString();

/** Marmande centre; 0.01° of latitude ≈ 1.11 km. */
const MARMANDE: PersonPlace = {
  commune: { code: '47157', name: 'Marmande' },
  zoneCodes: ['47157', '47', 'france', '99100', '200030674'],
  lat: 44.5,
  lon: 0.165,
};

function candidate(over: Partial<MatchCandidate> & { id: string }): MatchCandidate {
  return {
    source: 'test',
    source_id: over.id,
    name: `Offre ${over.id}`,
    structure_id: 's1',
    structure_name: 'Structure',
    type: 'accompagnement',
    thematiques: ['mobilite--preparer-un-permis'],
    publics: ['tous-publics'],
    fees: 'gratuit',
    modes_accueil: ['en-presentiel'],
    zone: ['47'],
    commune_code: '47157',
    commune_name: 'Marmande',
    lat: 44.5,
    lon: 0.165,
    itinerant_communes: [],
    age_min: null,
    age_max: null,
    capacity: null,
    places_available: null,
    confirmed_at: daysAgo(10),
    update_frequency_months: 6,
    completeness: 1,
    ...over,
  };
}

const kmNorth = (km: number) => 44.5 + km / 111.2;

describe('radius rule', () => {
  it('is max_km when given, else 15 km without a vehicle, else 30 km', () => {
    expect(radiusKm({})).toBe(30);
    expect(radiusKm({ has_vehicle: true })).toBe(30);
    expect(radiusKm({ has_vehicle: false })).toBe(15);
    expect(radiusKm({ has_vehicle: false, max_km: 40 })).toBe(40);
    expect(radiusKm({ max_km: 5 })).toBe(5);
  });
});

describe('profile', () => {
  it('accepts a full profile and removes duplicates', () => {
    const p = profileSchema.parse({ commune: '47157', barriers: ['mobilite', 'mobilite'], situations: ['contrainte-horaires'], age: 30, has_vehicle: false });
    expect(p.barriers).toEqual(['mobilite']);
  });

  it('refuses unknown values with French messages and paths', () => {
    const r = profileSchema.safeParse({ commune: '4715', barriers: ['voiture'], age: -1 });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['commune', 'barriers.0', 'age']));
    expect(r.error!.issues.find((i) => i.path[0] === 'barriers')!.message).toBe('Frein inconnu : « voiture »');
  });

  it('needs at least one barrier, situation, thématique or text', () => {
    const r = profileSchema.safeParse({ commune: '47157' });
    expect(r.error!.issues[0]).toMatchObject({ path: ['barriers'], message: expect.stringContaining('Indiquez au moins un frein') });
  });
});

describe('requested needs', () => {
  it('a barrier means all its thématiques', () => {
    const [need] = requestedNeeds({ barriers: ['mobilite'] });
    expect(need!.barrier).toBe('mobilite');
    expect(need!.thematiques).toEqual(thematiquesOfBarrier('mobilite'));
  });

  it('a situation narrows to its own thématiques, under their barrier', () => {
    expect(requestedNeeds({ situations: ['enfants-moins-3-ans-sans-garde'] })).toEqual([
      { barrier: 'contraintes_familiales', label: labelOf('barriers', 'contraintes_familiales'), thematiques: ['famille--garde-denfants'] },
    ]);
  });

  it('a situation whose thématiques span two barriers counts for both', () => {
    const needs = requestedNeeds({ situations: ['dossier-mdph'] });
    expect(needs.map((n) => [n.barrier, n.thematiques])).toEqual([
      ['sante', ['sante--constituer-un-dossier-mdph-invalidite']],
      ['emploi', ['trouver-un-emploi--maintien-dans-lemploi']],
    ]);
  });

  it('a thématique counts for its barrier; one need per barrier, in the order asked', () => {
    const needs = requestedNeeds({
      barriers: ['logement'],
      thematiques: ['mobilite--preparer-un-permis', 'famille--garde-denfants', 'mobilite--acceder-a-un-vehicule'],
    });
    expect(needs.map((n) => n.barrier)).toEqual(['logement', 'mobilite', 'contraintes_familiales']);
    expect(needs[1]!.thematiques).toEqual(['mobilite--acceder-a-un-vehicule', 'mobilite--preparer-un-permis']);
  });

  it('a barrier asked in full is not narrowed by a situation of the same barrier', () => {
    const [need] = requestedNeeds({ barriers: ['contraintes_familiales'], situations: ['contrainte-horaires'] });
    expect(need!.thematiques).toEqual(thematiquesOfBarrier('contraintes_familiales'));
  });
});

describe('eligibility', () => {
  const who = {};
  it('zone: the commune, its EPCI, its département, france, or no zone', () => {
    for (const zone of [['47157'], ['200030674'], ['47'], ['france'], []]) {
      expect(isEligible(candidate({ id: 'a', zone }), MARMANDE, who)).toBe(true);
    }
    expect(isEligible(candidate({ id: 'a', zone: ['47001', '40'] }), MARMANDE, who)).toBe(false);
  });

  it('publics overlap, or tous-publics, or none asked', () => {
    const jeunes = candidate({ id: 'a', publics: ['jeunes'] });
    expect(isEligible(jeunes, MARMANDE, { publics: ['jeunes', 'femmes'] })).toBe(true);
    expect(isEligible(jeunes, MARMANDE, { publics: ['seniors'] })).toBe(false);
    expect(isEligible(jeunes, MARMANDE, {})).toBe(true);
    expect(isEligible(candidate({ id: 'b', publics: ['tous-publics'] }), MARMANDE, { publics: ['seniors'] })).toBe(true);
    // An offer that names no public is not "tous-publics": shown only when no public is asked.
    expect(isEligible(candidate({ id: 'c', publics: [] }), MARMANDE, { publics: ['seniors'] })).toBe(false);
    expect(isEligible(candidate({ id: 'c', publics: [] }), MARMANDE, {})).toBe(true);
  });

  it('age within the bounds when both are known', () => {
    const youth = candidate({ id: 'a', age_min: 16, age_max: 25 });
    expect(isEligible(youth, MARMANDE, { age: 20 })).toBe(true);
    expect(isEligible(youth, MARMANDE, { age: 16 })).toBe(true);
    expect(isEligible(youth, MARMANDE, { age: 26 })).toBe(false);
    expect(isEligible(youth, MARMANDE, { age: 15 })).toBe(false);
    expect(isEligible(youth, MARMANDE, {})).toBe(true);
    expect(isEligible(candidate({ id: 'b', age_min: 18 }), MARMANDE, { age: 70 })).toBe(true);
  });
});

describe('reach', () => {
  it('on site within the radius, measured from the commune centre', () => {
    expect(accessOf(candidate({ id: 'a', lat: kmNorth(12) }), MARMANDE, 15)).toMatchObject({ kind: 'on-site', km: expect.closeTo(12, 0) });
    expect(accessOf(candidate({ id: 'a', lat: kmNorth(20) }), MARMANDE, 15)).toBeNull();
  });

  it('remote whatever the distance; itinerant when it passes through the commune', () => {
    expect(accessOf(candidate({ id: 'a', lat: kmNorth(400), modes_accueil: ['a-distance'] }), MARMANDE, 15)).toEqual({ kind: 'remote' });
    expect(accessOf(candidate({ id: 'a', lat: kmNorth(60), itinerant_communes: ['47157'] }), MARMANDE, 15)).toEqual({ kind: 'itinerant', commune: 'Marmande' });
    expect(accessOf(candidate({ id: 'a', lat: kmNorth(60), itinerant_communes: ['47001'] }), MARMANDE, 15)).toBeNull();
  });
});

describe('ranking', () => {
  const needs = requestedNeeds({ barriers: ['mobilite', 'contraintes_familiales'] });
  const ctx: MatchContext = { place: MARMANDE, radiusKm: 30, who: {}, needs, now: NOW };

  it('documents quality weights that add up to 1', () => {
    expect(Object.values(QUALITY_WEIGHTS).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
  });

  it('puts coverage first, then weighs proximity, freshness, places and completeness; ties by id', () => {
    const both = candidate({ id: 'both', thematiques: ['mobilite--preparer-un-permis', 'famille--garde-denfants'], lat: kmNorth(25) });
    const near = candidate({ id: 'near', lat: kmNorth(1) });
    const far = candidate({ id: 'far', lat: kmNorth(20) });
    const overdue = candidate({ id: 'overdue', lat: kmNorth(1), confirmed_at: daysAgo(300) });
    const full = candidate({ id: 'full', lat: kmNorth(1), places_available: 0 });
    const withPlaces = candidate({ id: 'places', lat: kmNorth(1), places_available: 3 });
    const sparse = candidate({ id: 'sparse', lat: kmNorth(1), completeness: 0.4 });
    const twinA = candidate({ id: 'twin-a', lat: kmNorth(5) });
    const twinB = candidate({ id: 'twin-b', lat: kmNorth(5) });
    const ranked = rankForNeed([twinB, sparse, full, far, overdue, near, both, withPlaces, twinA], needs[0]!, ctx);
    const order = ranked.map((r) => r.candidate.id);
    const before = (a: string, b: string) => expect(order.indexOf(a), `${a} before ${b}`).toBeLessThan(order.indexOf(b));
    // Coverage first: answering both needs beats everything nearer.
    expect(order[0]).toBe('both');
    before('near', 'far');
    before('near', 'overdue');
    before('places', 'near');
    before('near', 'sparse');
    before('twin-a', 'twin-b');
    // Full: after every offer answering as many needs, however near it is.
    before('far', 'full');
    expect(order).toEqual(['both', 'places', 'near', 'sparse', 'twin-a', 'twin-b', 'overdue', 'far', 'full']);
    expect(ranked.map((r) => r.score)).toEqual([...ranked.map((r) => r.score)].sort((a, b) => b - a));
    expect(ranked[0]!.score).toBeGreaterThan(0.5);
    expect(ranked[1]!.score).toBeLessThan(0.5);
  });

  it('ranks a full offer after the others answering as many needs, but coverage still first', () => {
    const fullBoth = candidate({ id: 'full-both', thematiques: ['mobilite--preparer-un-permis', 'famille--garde-denfants'], lat: kmNorth(1), places_available: 0 });
    const farOne = candidate({ id: 'far-one', lat: kmNorth(29), confirmed_at: daysAgo(400), completeness: 0 });
    const fullNear = candidate({ id: 'full-near', lat: kmNorth(0.5), places_available: 0, completeness: 1 });
    const ranked = rankForNeed([fullNear, farOne, fullBoth], needs[0]!, ctx);
    expect(ranked.map((r) => r.candidate.id)).toEqual(['full-both', 'far-one', 'full-near']);
    expect(ranked.find((r) => r.candidate.id === 'full-near')!.reasons).toContain('complet');
  });

  it('takes the search document’s word for « complet » (its sessions to come full, the offer’s own count left)', () => {
    const sessionsFull = candidate({ id: 'sessions-full', lat: kmNorth(0.5), places_available: 4, full: true });
    const open = candidate({ id: 'open', lat: kmNorth(20), full: false });
    const ranked = rankForNeed([sessionsFull, open], needs[0]!, ctx);
    expect(ranked.map((r) => r.candidate.id)).toEqual(['open', 'sessions-full']);
    expect(ranked[1]!.reasons).toContain('complet');
    expect(ranked[1]!.reasons).not.toContain('4 places');
  });

  it('leaves out what the person is not eligible for or cannot reach, and what answers another need', () => {
    const ranked = rankForNeed(
      [
        candidate({ id: 'ok' }),
        candidate({ id: 'other-zone', zone: ['40'] }),
        candidate({ id: 'too-far', lat: kmNorth(45) }),
        candidate({ id: 'garde', thematiques: ['famille--garde-denfants'] }),
      ],
      needs[0]!,
      ctx,
    );
    expect(ranked.map((r) => r.candidate.id)).toEqual(['ok']);
  });

  it('groups per barrier and reports the barriers nobody answers', () => {
    const outcome = matchGroups(new Map([['mobilite', [candidate({ id: 'ok' })]]]), ctx, 10);
    expect(outcome.groups.map((g) => [g.barrier, g.items.length, g.unmet])).toEqual([
      ['mobilite', 1, false],
      ['contraintes_familiales', 0, true],
    ]);
    expect(outcome.unmet_barriers).toEqual(['contraintes_familiales']);
  });
});

describe('reasons in French', () => {
  const needs = requestedNeeds({ barriers: ['contraintes_familiales'] });
  const ctx: MatchContext = { place: MARMANDE, radiusKm: 30, who: { publics: ['jeunes'] }, needs, now: NOW };

  it('says what it answers, how far, places, freshness and the public', () => {
    const c = candidate({
      id: 'creche',
      thematiques: ['famille--garde-denfants'],
      publics: ['jeunes', 'familles'],
      lat: kmNorth(8),
      places_available: 3,
      confirmed_at: daysAgo(62),
    });
    const [item] = rankForNeed([c], needs[0]!, ctx);
    expect(item!.reasons).toEqual(['Garde d’enfants', 'à 8 km', '3 places', 'mis à jour il y a 2 mois', 'public : jeunes']);
    expect(item!.distanceKm).toBeCloseTo(8, 0);
  });

  it('says when an offer was not confirmed within its update frequency (« à vérifier »)', () => {
    const c = candidate({ id: 'ancienne', thematiques: ['famille--garde-denfants'], publics: ['jeunes'], lat: kmNorth(3), confirmed_at: daysAgo(200), update_frequency_months: 6 });
    const [item] = rankForNeed([c], needs[0]!, ctx);
    expect(item!.reasons.find((r) => r.startsWith('mis à jour'))).toMatch(/^mis à jour il y a \d+ mois \(à vérifier\)$/);
  });

  it('says « sur place », « à distance », « itinérant : passe à … » and « complet »', () => {
    const reasons = (over: Partial<MatchCandidate>) =>
      rankForNeed([candidate({ id: 'x', thematiques: ['famille--garde-denfants'], ...over })], needs[0]!, ctx)[0]!.reasons;
    expect(reasons({})).toContain('sur place');
    expect(reasons({ modes_accueil: ['a-distance'], lat: kmNorth(300) })).toContain('à distance');
    expect(reasons({ lat: kmNorth(80), itinerant_communes: ['47157'] })).toContain('itinérant : passe à Marmande');
    expect(reasons({ places_available: 0 })).toContain('complet');
    expect(reasons({ places_available: 1 })).toContain('1 place');
  });

  it('tells relative times against the clock', () => {
    expect(frenchRelativeTime(new Date(daysAgo(0)), NOW)).toBe('aujourd’hui');
    expect(frenchRelativeTime(new Date(NOW.getTime() - 3 * 3_600_000), NOW)).toBe('aujourd’hui');
    expect(frenchRelativeTime(new Date(daysAgo(1)), NOW)).toBe('il y a 1 jour');
    expect(frenchRelativeTime(new Date(daysAgo(3)), NOW)).toBe('il y a 3 jours');
    expect(frenchRelativeTime(new Date(daysAgo(31)), NOW)).toBe('il y a 1 mois');
    expect(frenchRelativeTime(new Date(daysAgo(62)), NOW)).toBe('il y a 2 mois');
    expect(frenchRelativeTime(new Date(daysAgo(364)), NOW)).toBe('il y a 11 mois');
    expect(frenchRelativeTime(new Date(daysAgo(400)), NOW)).toBe('il y a plus d’un an');
  });

  it('counts unmet needs on the French calendar day', () => {
    expect(frenchDay(new Date('2026-06-15T21:59:00Z'))).toBe('2026-06-15');
    expect(frenchDay(new Date('2026-06-15T22:30:00Z'))).toBe('2026-06-16');
  });
});

describe('completeness (data·inclusion score_qualite)', () => {
  const complete: CompletenessInput = {
    source: 'test',
    description: 'x'.repeat(250),
    thematiques: ['mobilite--preparer-un-permis'],
    publics: ['jeunes'],
    fees: 'gratuit',
    fees_details: null,
    modes_accueil: ['en-presentiel'],
    modes_mobilisation: ['telephoner', 'envoyer-un-courriel'],
    mobilisable_par: ['professionnels'],
    address: '1 rue de la Paix',
    email: 'contact@exemple.example',
    phone: '05 53 00 00 00',
    mobilisation_url: null,
    updated_on: '2026-05-01',
  };

  it('is 1 for an offer that has everything', () => {
    expect(offerCompleteness(complete, NOW)).toBe(1);
  });

  it('averages only the criteria that apply', () => {
    // 10 applicable criteria; the missing address (on site) costs 1/10.
    expect(offerCompleteness({ ...complete, address: null }, NOW)).toBe(0.9);
    // Remote, no "se présenter": the address criterion does not apply.
    expect(offerCompleteness({ ...complete, address: null, modes_accueil: ['a-distance'] }, NOW)).toBe(1);
  });

  it('follows the d·i rules for fees, description, mobilisation and recency', () => {
    const base = { ...complete, modes_mobilisation: ['telephoner'], email: null };
    // payant without details → 0.5; description under 200 characters → 0.5; only one of modes/mobilisable_par → 0.5
    const partial = { ...base, fees: 'payant', description: 'x'.repeat(120), mobilisable_par: null };
    // criteria: adresse 1, modes 0.5, public 1, thématique 1, contact 1, date 1, frais 0.5, description 0.5, téléphone 1 → 7.5/9
    expect(offerCompleteness(partial, NOW)).toBe(0.83);
    // date_maj 15 months ago: (24 − 15)/(24 − 6) ≈ 0.5
    expect(offerCompleteness({ ...complete, updated_on: '2025-03-15' }, NOW)).toBe(0.95);
    expect(offerCompleteness({ ...complete, updated_on: '2023-01-01' }, NOW)).toBe(0.9);
    // France Travail's date_maj is not judged
    expect(offerCompleteness({ ...complete, source: 'france-travail', updated_on: '2023-01-01' }, NOW)).toBe(1);
  });
});
