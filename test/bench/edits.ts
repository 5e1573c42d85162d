/**
 * "An edit visible in search": an offer renamed through the real write path (repository → search
 * outbox in the same transaction), the outbox drained to one engine as the server's loop does, then
 * searched for until the new name is found. The time of the whole, write to found.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../api/db/schema.ts';
import { getOffer, upsertOfferBySource } from '../../api/db/offers.ts';
import { drainSearchOutbox } from '../../api/jobs/search-outbox.ts';
import type { SearchIndex } from '../../search/port.ts';
import type { OfferInput } from '../../api/domain/offer.ts';
import type { Random } from './random.ts';

const GIVE_UP_MS = 10_000;

export async function editVisibleLatencies(db: Kysely<Database>, index: SearchIndex, random: Random, count: number, day: string): Promise<number[]> {
  const ids = (await db.selectFrom('offers').select('id').where('status', '=', 'published').where('source', '=', 'bench').execute()).map((r) => r.id);
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const offer = (await getOffer(db, random.pick(ids)))!;
    // A word no document has, so finding it proves the new version is indexed.
    const token = `repere${index.name}${i}x${Math.floor(random.next() * 1e9).toString(36)}`;
    const { id: _id, departement_code: _d, completeness: _c, reviewed_at: _r, created_at: _ca, updated_at: _ua, sessions, ...input } = offer;
    const edited: OfferInput = { ...input, name: `${offer.name} ${token}`, sessions: sessions.map(({ id: _sid, ...s }) => s) };
    const started = performance.now();
    await upsertOfferBySource(db, edited, new Date());
    await drainSearchOutbox(db, [index], { now: new Date(Date.now() + 1) });
    for (;;) {
      const found = await index.search({ q: token, filters: { activeOn: day }, limit: 1, lean: true });
      if (found.total > 0) break;
      if (performance.now() - started > GIVE_UP_MS) throw new Error(`${index.name}: edit not visible after ${GIVE_UP_MS} ms`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    samples.push(performance.now() - started);
  }
  return samples;
}
