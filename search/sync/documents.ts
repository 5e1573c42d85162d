/**
 * Search documents from the database: for the offers an outbox batch names, for the whole catalogue,
 * or for what the people of a département may reach (coverage).
 */
import { sql, type Kysely } from 'kysely';
import type { Box } from '../../api/domain/geo.ts';
import type { Database } from '../../api/db/schema.ts';
import { offerFromRow } from '../../api/db/offers.ts';
import {
  buildSearchDocument,
  isSearchable,
  OFFER_FIELDS_FOR_DOCUMENT,
  SEARCHABLE_OFFER_STATUSES,
  type DocumentTime,
  type OfferForDocument,
  type SearchDocument,
  type StructureForDocument,
} from '../document.ts';
import { frenchDay } from '../../api/domain/matching/index.ts';
import { decodeList } from '../../api/db/json.ts';
import type { OfferSession } from '../../api/domain/offer.ts';

/** D1 binds at most 100 parameters per statement. */
const CHUNK = 90;

export interface DocumentChanges {
  /** Documents of searchable offers. */
  upserts: SearchDocument[];
  /** Offers that are gone or no longer searchable (draft, suspended, structure not validated...). */
  removals: string[];
}

const STRUCTURE_COLUMNS = ['id', 'name', 'status', 'lon', 'lat', 'commune_code', 'commune_name'] as const;

async function structuresById(db: Kysely<Database>, ids: string[]): Promise<Map<string, StructureForDocument>> {
  const unique = [...new Set(ids)];
  const map = new Map<string, StructureForDocument>();
  for (let i = 0; i < unique.length; i += CHUNK) {
    const rows = await db.selectFrom('structures').select(STRUCTURE_COLUMNS).where('id', 'in', unique.slice(i, i + CHUNK)).execute();
    for (const r of rows) map.set(r.id, r);
  }
  return map;
}

/**
 * The sessions still to come on `today` (what isFull reads), by offer: of these offers, or of every
 * offer (sessions are few: one query rather than one per page).
 */
async function upcomingSessions(db: Kysely<Database>, today: string, offerIds?: readonly string[]): Promise<Map<string, OfferSession[]>> {
  const upcoming = () =>
    db
      .selectFrom('offer_sessions')
      .selectAll()
      .where((eb) => eb(eb.fn.coalesce('ends_on', 'starts_on'), '>=', today));
  const rows = [];
  if (!offerIds) rows.push(...(await upcoming().execute()));
  else for (let i = 0; i < offerIds.length; i += CHUNK) rows.push(...(await upcoming().where('offer_id', 'in', offerIds.slice(i, i + CHUNK)).execute()));
  const byOffer = new Map<string, OfferSession[]>();
  for (const { offer_id, ...session } of rows) {
    const list = byOffer.get(offer_id);
    if (list) list.push(session);
    else byOffer.set(offer_id, [session]);
  }
  return byOffer;
}

/** The moment documents are built for: `now` and its French day. */
function documentTime(now: Date): DocumentTime {
  return { now, today: frenchDay(now) };
}

/** The changes an outbox batch names, as of `now` (« complet » is judged on its French day, overdue at the instant). */
export async function documentChanges(db: Kysely<Database>, offerIds: readonly string[], now: Date): Promise<DocumentChanges> {
  const time = documentTime(now);
  const unique = [...new Set(offerIds)];
  const rows = [];
  for (let i = 0; i < unique.length; i += CHUNK) {
    rows.push(...(await db.selectFrom('offers').selectAll().where('id', 'in', unique.slice(i, i + CHUNK)).execute()));
  }
  const sessions = await upcomingSessions(db, time.today, unique);
  const structures = await structuresById(db, rows.map((r) => r.structure_id));
  const found = new Set<string>();
  const changes: DocumentChanges = { upserts: [], removals: [] };
  for (const row of rows) {
    found.add(row.id);
    const offer = offerFromRow(row, sessions.get(row.id));
    const structure = structures.get(row.structure_id);
    if (structure && isSearchable(offer, structure)) changes.upserts.push(buildSearchDocument(offer, structure, time));
    else changes.removals.push(row.id);
  }
  for (const id of unique) if (!found.has(id)) changes.removals.push(id);
  return changes;
}

/** The offer columns a document reads (search/document.ts), qualified. */
const OFFER_COLUMNS = OFFER_FIELDS_FOR_DOCUMENT.map((c) => `offers.${c}` as const);

/**
 * Searchable offers (the columns their documents read) joined with what their documents need of
 * the structure. `inStorageOrder`: for reading the whole catalogue page by page, in row order
 * (SQLite then reads the table from start to end instead of jumping around it in id order; the
 * statuses are checked row by row, `+`, so it walks the rows rather than an index on them).
 */
function searchableOffers(db: Kysely<Database>, options: { inStorageOrder?: boolean } = {}) {
  const status = options.inStorageOrder ? sql<string>`+offers.status` : sql<string>`offers.status`;
  const structureStatus = options.inStorageOrder ? sql<string>`+structures.status` : sql<string>`structures.status`;
  return db
    .selectFrom('offers')
    .innerJoin('structures', 'structures.id', 'offers.structure_id')
    .select(OFFER_COLUMNS)
    .select([
      sql<number>`offers.rowid`.as('row'),
      'structures.name as s_name',
      'structures.status as s_status',
      'structures.lon as s_lon',
      'structures.lat as s_lat',
      'structures.commune_code as s_commune_code',
      'structures.commune_name as s_commune_name',
    ])
    .where(status, 'in', SEARCHABLE_OFFER_STATUSES)
    .where(structureStatus, '=', 'validated');
}

type SearchableOfferRow = Awaited<ReturnType<ReturnType<typeof searchableOffers>['execute']>>[number];

function documentOfRow(row: SearchableOfferRow, sessions: ReadonlyMap<string, OfferSession[]>, time: DocumentTime): SearchDocument {
  // Built field by field: a copy of the row through a rest pattern costs more than the rest of the document.
  const structure: StructureForDocument = {
    id: row.structure_id,
    name: row.s_name,
    status: row.s_status,
    lon: row.s_lon,
    lat: row.s_lat,
    commune_code: row.s_commune_code,
    commune_name: row.s_commune_name,
  };
  const offer: OfferForDocument = {
    ...row,
    status: row.status as OfferForDocument['status'],
    update_frequency_months: row.update_frequency_months as OfferForDocument['update_frequency_months'],
    thematiques: decodeList(row.thematiques),
    publics: decodeList(row.publics),
    modes_accueil: decodeList(row.modes_accueil),
    zone: decodeList(row.zone),
    itinerant_communes: decodeList(row.itinerant_communes),
    sessions: sessions.get(row.id) ?? [],
  };
  return buildSearchDocument(offer, structure, time);
}

/** Every searchable document as of `now`, read page by page (in row order) so memory stays flat while reading. */
export async function* allSearchDocuments(db: Kysely<Database>, now: Date, pageSize = 2_000): AsyncGenerator<SearchDocument[]> {
  const time = documentTime(now);
  const sessions = await upcomingSessions(db, time.today);
  let after = 0;
  for (;;) {
    const rows = await searchableOffers(db, { inStorageOrder: true }).where(sql`offers.rowid`, '>', after).orderBy(sql`offers.rowid`).limit(pageSize).execute();
    if (!rows.length) return;
    yield rows.map((row) => documentOfRow(row, sessions, time));
    after = rows[rows.length - 1]!.row;
    if (rows.length < pageSize) return;
  }
}

/**
 * The searchable documents a person living in a département may reach: placed inside `box` (the
 * département's communes and the radius around them), remote, itinerant, or without coordinates
 * in one of its communes. A superset: the matching rules decide (api/domain/coverage.ts).
 */
export async function searchDocumentsAround(db: Kysely<Database>, departement: string, box: Box, now: Date): Promise<SearchDocument[]> {
  const time = documentTime(now);
  // A document is placed where its offer is, or else where its structure is (buildSearchDocument).
  const ownPlace = sql<boolean>`(offers.lat IS NOT NULL AND offers.lon IS NOT NULL)`;
  const lat = sql<number | null>`CASE WHEN ${ownPlace} THEN offers.lat ELSE structures.lat END`;
  const lon = sql<number | null>`CASE WHEN ${ownPlace} THEN offers.lon ELSE structures.lon END`;
  const rows = await searchableOffers(db)
    .where((eb) =>
      eb.or([
        eb.and([eb(lat, '>=', box.minLat), eb(lat, '<=', box.maxLat), eb(lon, '>=', box.minLon), eb(lon, '<=', box.maxLon)]),
        eb('offers.modes_accueil', 'like', '%"a-distance"%'),
        eb.and([eb('offers.itinerant_communes', 'is not', null), eb('offers.itinerant_communes', '!=', '[]')]),
        eb.and([
          eb.or([eb(lat, 'is', null), eb(lon, 'is', null)]),
          eb(
            eb.fn.coalesce('offers.commune_code', 'structures.commune_code'),
            'in',
            eb.selectFrom('communes').select('communes.code').where('communes.departement_code', '=', departement),
          ),
        ]),
      ]),
    )
    .execute();
  const sessions = await upcomingSessions(db, time.today);
  return rows.map((row) => documentOfRow(row, sessions, time));
}
