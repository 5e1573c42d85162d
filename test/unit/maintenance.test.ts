/**
 * Maintenance: a suspended offer comes back on its own the day after the last day of its suspension —
 * public again, audited as a system action, found by search once the outbox is drained — and not a day
 * earlier.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditOf } from '../../api/db/audit.ts';
import { changeOfferStatus, createOffer } from '../../api/db/offer-editing.ts';
import { getOffer } from '../../api/db/offers.ts';
import { createStructure, moderateStructure } from '../../api/db/structure-editing.ts';
import { parseOfferCreate } from '../../api/domain/offer-input.ts';
import { parseStructureCreate } from '../../api/domain/structure-input.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { previousDay } from '../../api/jobs/maintenance.ts';
import { drainSearchOutbox } from '../../api/jobs/search-outbox.ts';

function ok<T>(r: { ok: true; value: T } | { ok: false }): T {
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.value;
}

const T0 = new Date('2026-06-01T08:00:00Z');
let t: TestApp;
let offerId: string;

async function searchIds(): Promise<string[]> {
  await t.drain();
  const r = await t.app.request('/api/search?dept=47&q=atelier%20velo');
  return ((await r.json()) as { items: Array<{ id: string }> }).items.map((i) => i.id);
}

beforeAll(async () => {
  t = await createTestApp({ territories: true, now: T0 });
  const ctx = { actorUserId: 'user-structure', now: T0 };
  const structure = ok(await createStructure(t.db, ok(parseStructureCreate({ name: 'Atelier mobile du Marmandais', commune_code: '47157' })), ctx));
  ok(await moderateStructure(t.db, structure.id, { decision: 'validate' }, { actorUserId: 'user-coordinator', now: T0 }));
  const offer = ok(
    await createOffer(
      t.db,
      ok(
        parseOfferCreate({
          structure_id: structure.id,
          name: 'Atelier vélo solidaire',
          description: 'Réparer et entretenir son vélo pour aller au travail.',
          thematiques: ['mobilite--entretenir-reparer-son-vehicule'],
          commune_code: '47157',
          address: '3 rue de la Gare',
        }),
      ),
      ctx,
    ),
  );
  offerId = offer.id;
  ok(await changeOfferStatus(t.db, offerId, { action: 'publish' }, ctx));
  ok(await changeOfferStatus(t.db, offerId, { action: 'suspend', until: '2026-06-20', reason: 'Congés d’été' }, ctx));
});

afterAll(async () => {
  await t?.close();
});

describe('maintenance', () => {
  it('keeps a suspension until its last day included', async () => {
    expect(await searchIds()).not.toContain(offerId);
    const report = await t.maintain(new Date('2026-06-20T21:00:00Z'));
    expect(report.resumedOffers).toBe(0);
    expect((await getOffer(t.db, offerId))?.status).toBe('suspended');
  });

  it('publishes the offer again the next day, as a system action, and search finds it', async () => {
    const report = await t.maintain(new Date('2026-06-21T06:00:00Z'));
    expect(report.resumedOffers).toBe(1);
    const offer = (await getOffer(t.db, offerId))!;
    expect(offer).toMatchObject({ status: 'published', suspended_until: null, confirmed_at: T0.toISOString() });
    const [last] = await auditOf(t.db, 'offer', offerId);
    expect(last).toMatchObject({ action: 'resume', actor_user_id: null });
    expect(await searchIds()).toContain(offerId);
  });

  it('does nothing when run again', async () => {
    const report = await t.maintain(new Date('2026-06-22T06:00:00Z'));
    expect(report.resumedOffers).toBe(0);
  });

  it('queues for the search index the offers whose session ended yesterday (« complet » reads the sessions to come), once while waiting', async () => {
    await t.db.insertInto('offer_sessions').values({ id: 'maintenance-session', offer_id: offerId, label: null, starts_on: '2026-06-15', ends_on: '2026-06-22', capacity: 6, places_available: 0 }).execute();
    await t.drain();
    const queued = async () => (await t.db.selectFrom('search_outbox').select('offer_id').where('offer_id', '=', offerId).execute()).length;
    // Its last day is today: nothing yet.
    expect((await t.maintain(new Date('2026-06-22T20:00:00Z'))).reindexedOffers).toBe(0);
    expect(await queued()).toBe(0);
    // The next day: queued, and not a second time while it waits.
    expect((await t.maintain(new Date('2026-06-23T06:00:00Z'))).reindexedOffers).toBe(1);
    expect((await t.maintain(new Date('2026-06-23T07:00:00Z'))).reindexedOffers).toBe(0);
    expect(await queued()).toBe(1);
    await t.drain();
    expect(await queued()).toBe(0);
  });

  it('queues the offers that fell due for confirmation since the last run, once; their search documents then say overdue', async () => {
    const queued = async () => (await t.db.selectFrom('search_outbox').select('offer_id').where('offer_id', '=', offerId).execute()).length;
    const indexed = async () => (await t.search.search({ filters: { ids: [offerId], activeOn: '2026-12-01' } })).hits[0]?.document;
    expect(await indexed()).toMatchObject({ overdue: false });
    // Confirmed at T0 (2026-06-01 08:00 UTC), every 6 months: due on 2026-12-01 at 08:00 UTC.
    expect((await t.maintain(new Date('2026-12-01T07:00:00Z'))).overdueOffers).toBe(0);
    expect(await queued()).toBe(0);
    const dueRun = new Date('2026-12-01T09:00:00Z');
    expect((await t.maintain(dueRun)).overdueOffers).toBe(1);
    expect(await queued()).toBe(1);
    await drainSearchOutbox(t.db, t.search.targets, { now: dueRun });
    expect(await queued()).toBe(0);
    expect(await indexed()).toMatchObject({ overdue: true });
    // The next run looks only at what fell due since the previous one.
    expect((await t.maintain(new Date('2026-12-01T10:00:00Z'))).overdueOffers).toBe(0);
    expect(await queued()).toBe(0);
  });
});

describe('previousDay', () => {
  it('goes back one calendar day, across months, years and leap days', () => {
    expect(previousDay('2026-06-23')).toBe('2026-06-22');
    expect(previousDay('2026-03-01')).toBe('2026-02-28');
    expect(previousDay('2028-03-01')).toBe('2028-02-29');
    expect(previousDay('2027-01-01')).toBe('2026-12-31');
  });
});
