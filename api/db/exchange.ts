/**
 * data·inclusion v1 exchange: import a file into the catalogue (all or nothing, one transaction,
 * upsert by (source, id)) and export the published catalogue as a valid v1 file.
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';
import { findStructureBySource, structureFromRow, upsertStructureBySource } from './structures.ts';
import { getOffer, offerFromRow, upsertOfferBySource } from './offers.ts';
import { dataInclusionSchemas, diErrorMap, type DataInclusionFile, type DiService, type DiStructure } from '../domain/di/schema.ts';
import { diKey, offerFromDi, offerToDi, resolveStructureRef, structureFromDi, structureToDi, type DiRef } from '../domain/di/mapping.ts';
import { formatPath, validateDataInclusionFile, type DiError } from '../domain/di/validate.ts';
import { unknownZoneCodes } from './zones.ts';
import { chunks } from './chunks.ts';

export interface DiImportOptions {
  now: Date;
  /** Import the valid records and leave out the invalid ones (otherwise one error cancels the import). */
  skipInvalid?: boolean;
  /** Validate and count what would be created or updated, without writing anything. */
  dryRun?: boolean;
}

export interface DiImportCounts {
  created: number;
  updated: number;
}

export interface DiImportReport {
  structures: DiImportCounts;
  services: DiImportCounts;
  /** Every problem found, with its path in the file; nothing is written when non-empty unless skipInvalid. */
  invalid: DiError[];
  /** Non-blocking remarks (a name ending with a dot). */
  warnings: DiError[];
}

interface StoredRef extends DiRef {
  ourId: string;
}

/** structure_id values of the services of a raw file (before validation), to look them up in the database. */
function referencedStructureIds(file: unknown): string[] {
  if (typeof file !== 'object' || file === null) return [];
  const services = (file as { services?: unknown }).services;
  if (!Array.isArray(services)) return [];
  const ids = services.flatMap((s: unknown) => {
    const id = typeof s === 'object' && s !== null ? (s as { structure_id?: unknown }).structure_id : undefined;
    return typeof id === 'string' ? [id] : [];
  });
  return [...new Set(ids)];
}

async function storedStructures(db: Kysely<Database>, sourceIds: string[]): Promise<StoredRef[]> {
  const found: StoredRef[] = [];
  for (const part of chunks(sourceIds)) {
    const rows = await db
      .selectFrom('structures')
      .select(['id', 'source', 'source_id'])
      .where('source_id', 'in', part)
      .execute();
    for (const r of rows) found.push({ source: r.source, id: r.source_id, ourId: r.id });
  }
  return found;
}

/** The zone_eligibilite codes of a raw file's services (before validation), to check them against the territories. */
function zoneCodesOf(file: unknown): string[] {
  const services = isRecord(file) && Array.isArray(file.services) ? file.services : [];
  const codes = services.flatMap((s: unknown) => {
    const zone = isRecord(s) ? s.zone_eligibilite : undefined;
    return Array.isArray(zone) ? zone.filter((code): code is string => typeof code === 'string') : [];
  });
  return [...new Set(codes)];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Zone codes naming no known territory, with their message; kinds whose table is empty (territories not loaded yet) are not checked. */
async function unknownZones(db: Kysely<Database>, file: unknown): Promise<Map<string, string>> {
  return new Map((await unknownZoneCodes(db, zoneCodesOf(file), { onlyLoaded: true })).map((u) => [u.code, u.message]));
}

export async function importDataInclusion(db: Kysely<Database>, file: unknown, options: DiImportOptions): Promise<DiImportReport> {
  const stored = await storedStructures(db, referencedStructureIds(file));
  const checked = validateDataInclusionFile(file, options.now, { knownStructures: stored, unknownZoneCodes: await unknownZones(db, file) });
  const report: DiImportReport = {
    structures: { created: 0, updated: 0 },
    services: { created: 0, updated: 0 },
    invalid: checked.errors,
    warnings: checked.warnings,
  };
  if (checked.errors.length && !options.skipInvalid) return report;

  const write = !options.dryRun;
  const run = async (trx: Kysely<Database>) => {
    const candidates: StoredRef[] = [];
    for (const s of checked.structures) {
      const ourId = await importStructure(trx, s, options.now, write, report);
      candidates.push({ source: s.source, id: s.id, ourId });
    }
    candidates.push(...stored);
    for (const s of checked.services) {
      // validateDataInclusionFile resolved the same reference against the same candidates.
      const structure = resolveStructureRef(s, candidates)!;
      await importService(trx, s, structure.ourId, options.now, write, report);
    }
  };
  if (write) await db.transaction().execute(run);
  else await run(db);
  return report;
}

async function importStructure(db: Kysely<Database>, s: DiStructure, now: Date, write: boolean, report: DiImportReport): Promise<string> {
  const existing = await findStructureBySource(db, s.source, s.id);
  report.structures[existing ? 'updated' : 'created']++;
  if (!write) return existing?.id ?? `(nouvelle) ${diKey(s)}`;
  return upsertStructureBySource(db, structureFromDi(s, existing), now);
}

async function importService(db: Kysely<Database>, s: DiService, structureId: string, now: Date, write: boolean, report: DiImportReport) {
  const row = await db.selectFrom('offers').select('id').where('source', '=', s.source).where('source_id', '=', s.id).executeTakeFirst();
  report.services[row ? 'updated' : 'created']++;
  if (!write) return;
  const existing = row ? await getOffer(db, row.id) : undefined;
  await upsertOfferBySource(db, offerFromDi(s, structureId, existing), now);
}

export interface DiExportOptions {
  /** Only the offers of this département (and their structures, plus the département's structures). */
  dept?: string | undefined;
  /** Reference date for the schema check of date_maj (default: now). */
  now?: Date;
  /** Told about each record left out because it does not satisfy the d·i schema. */
  onSkipped?: (skipped: { collection: 'structures' | 'services'; source: string; id: string; errors: DiError[] }) => void;
}

/**
 * Published offers of validated structures, and validated structures (those of the département, or
 * carrying an exported offer), as a v1 file. Records the schema refuses (data entered here that d·i
 * does not accept, e.g. a 2-character description) are left out and reported through onSkipped.
 */
export async function exportDataInclusion(db: Kysely<Database>, options: DiExportOptions = {}): Promise<DataInclusionFile> {
  const { dept } = options;
  const schemas = dataInclusionSchemas(options.now ?? new Date());

  let offersQuery = db
    .selectFrom('offers')
    .selectAll('offers')
    .where('offers.status', '=', 'published')
    .where((eb) =>
      eb.exists(
        eb.selectFrom('structures').select('structures.id').whereRef('structures.id', '=', 'offers.structure_id').where('structures.status', '=', 'validated'),
      ),
    );
  if (dept) offersQuery = offersQuery.where('offers.departement_code', '=', dept);
  const offers = (await offersQuery.orderBy('offers.source').orderBy('offers.source_id').execute()).map((r) => offerFromRow(r));

  let structuresQuery = db.selectFrom('structures').selectAll().where('status', '=', 'validated');
  if (dept) {
    structuresQuery = structuresQuery.where((eb) =>
      eb.or([
        eb('departement_code', '=', dept),
        eb(
          'id',
          'in',
          eb.selectFrom('offers').select('offers.structure_id').where('offers.status', '=', 'published').where('offers.departement_code', '=', dept),
        ),
      ]),
    );
  }
  const structures = (await structuresQuery.orderBy('source').orderBy('source_id').execute()).map(structureFromRow);

  const file: DataInclusionFile = { structures: [], services: [] };
  const exported = new Map<string, { source_id: string }>();
  for (const s of structures) {
    const parsed = schemas.structure.safeParse(structureToDi(s), { error: diErrorMap });
    if (!parsed.success) {
      options.onSkipped?.({ collection: 'structures', source: s.source, id: s.source_id, errors: skippedErrors(parsed.error.issues) });
      continue;
    }
    file.structures.push(parsed.data);
    exported.set(s.id, s);
  }
  for (const o of offers) {
    const structure = exported.get(o.structure_id);
    const parsed = structure ? schemas.service.safeParse(offerToDi(o, structure), { error: diErrorMap }) : undefined;
    if (!parsed?.success) {
      const errors = parsed
        ? skippedErrors(parsed.error.issues)
        : [{ path: 'structure_id', message: 'sa structure ne respecte pas le schéma data·inclusion' }];
      options.onSkipped?.({ collection: 'services', source: o.source, id: o.source_id, errors });
      continue;
    }
    file.services.push(parsed.data);
  }
  return file;
}

function skippedErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[]): DiError[] {
  return issues.map((i) => ({ path: formatPath(i.path), message: i.message }));
}
