/**
 * Validation of a data·inclusion exchange file `{ structures: [...], services: [...] }`: each record
 * against the v1 schema, then the checks across records (unique (source, id), services pointing to
 * a known structure). Every problem comes with its path (`services[3].zone_eligibilite[0]`) and a
 * French message; valid records are returned so an import can skip the invalid ones.
 */
import type { z } from 'zod';
import { dataInclusionSchemas, diErrorMap, type DiService, type DiStructure } from './schema.ts';
import { diKey, resolveStructureRef, type DiRef } from './mapping.ts';

export interface DiError {
  path: string;
  message: string;
}

export interface DiValidationOptions {
  /** Structures already stored (d·i identity): a service may point to one of them instead of the file. */
  knownStructures?: readonly DiRef[];
  /** Zone codes that name no territory the catalogue knows, each with its French message (the database's check). */
  unknownZoneCodes?: ReadonlyMap<string, string>;
}

export interface DiValidation {
  structures: DiStructure[];
  services: DiService[];
  errors: DiError[];
  /** Non-blocking remarks (upstream "avertissements", ignored by default there too). */
  warnings: DiError[];
}

type Collection = 'structures' | 'services';
type Segment = PropertyKey;

/** `services`, 3, `zone_eligibilite`, 0 → `services[3].zone_eligibilite[0]`. */
export function formatPath(segments: readonly Segment[]): string {
  let path = '';
  for (const s of segments) {
    if (typeof s === 'number') path += `[${s}]`;
    else path += path ? `.${String(s)}` : String(s);
  }
  return path || '(racine)';
}

function issuesToErrors(prefix: readonly Segment[], error: z.ZodError): DiError[] {
  return error.issues.map((issue) => ({ path: formatPath([...prefix, ...issue.path]), message: issue.message }));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The raw records of one collection; a missing collection is an empty one, anything else but a list is an error. */
function collection(json: Record<string, unknown>, name: Collection, errors: DiError[]): unknown[] {
  const value = json[name];
  if (value === undefined) return [];
  if (Array.isArray(value)) return value;
  errors.push({ path: name, message: `liste attendue pour « ${name} »` });
  return [];
}

/** A name ending with a dot (except "etc.") is an upstream warning. */
function nameWarning(nom: string): string | null {
  return nom.endsWith('.') && !nom.endsWith('etc.') ? 'le nom ne devrait pas se terminer par un point' : null;
}

export function validateDataInclusionFile(json: unknown, now: Date, options: DiValidationOptions = {}): DiValidation {
  const errors: DiError[] = [];
  const warnings: DiError[] = [];
  const result: DiValidation = { structures: [], services: [], errors, warnings };

  if (!isRecord(json) || (json.structures === undefined && json.services === undefined)) {
    errors.push({ path: '(racine)', message: 'un objet JSON { "structures": [...], "services": [...] } est attendu' });
    return result;
  }
  const schemas = dataInclusionSchemas(now);
  const rawStructures = collection(json, 'structures', errors);
  const rawServices = collection(json, 'services', errors);

  // 1. Each structure on its own, then unique (source, id).
  const structureIndex = new Map<string, number>();
  // Ids of structures present in the file but refused, to say why a service cannot use them.
  const refusedStructureIds = new Set<string>();
  rawStructures.forEach((raw, index) => {
    const parsed = schemas.structure.safeParse(raw, { error: diErrorMap });
    if (!parsed.success) {
      if (isRecord(raw) && typeof raw.id === 'string') refusedStructureIds.add(raw.id);
      return errors.push(...issuesToErrors(['structures', index], parsed.error));
    }
    const s = parsed.data;
    const key = diKey(s);
    const first = structureIndex.get(key);
    if (first !== undefined) {
      return errors.push({
        path: formatPath(['structures', index, 'id']),
        message: `identifiant en double « ${s.id} » (source « ${s.source} ») : déjà utilisé par structures[${first}]`,
      });
    }
    structureIndex.set(key, index);
    const warning = nameWarning(s.nom);
    if (warning) warnings.push({ path: formatPath(['structures', index, 'nom']), message: warning });
    result.structures.push(s);
  });

  const candidates: DiRef[] = [...result.structures, ...(options.knownStructures ?? [])];

  // 2. Each service on its own, then unique (source, id) and its structure.
  const serviceIndex = new Map<string, number>();
  rawServices.forEach((raw, index) => {
    const parsed = schemas.service.safeParse(raw, { error: diErrorMap });
    if (!parsed.success) return errors.push(...issuesToErrors(['services', index], parsed.error));
    const s = parsed.data;
    const key = diKey(s);
    const first = serviceIndex.get(key);
    if (first !== undefined) {
      return errors.push({
        path: formatPath(['services', index, 'id']),
        message: `identifiant en double « ${s.id} » (source « ${s.source} ») : déjà utilisé par services[${first}]`,
      });
    }
    if (!resolveStructureRef(s, candidates)) {
      const message = refusedStructureIds.has(s.structure_id)
        ? `la structure « ${s.structure_id} » de ce service est invalide dans ce fichier`
        : `structure inconnue « ${s.structure_id} » (source « ${s.source} ») : absente du fichier et de la base`;
      return errors.push({ path: formatPath(['services', index, 'structure_id']), message });
    }
    const unknownZones = (s.zone_eligibilite ?? []).flatMap((code, i) => {
      const message = options.unknownZoneCodes?.get(code);
      return message ? [{ path: formatPath(['services', index, 'zone_eligibilite', i]), message }] : [];
    });
    if (unknownZones.length) return errors.push(...unknownZones);
    serviceIndex.set(key, index);
    const warning = nameWarning(s.nom);
    if (warning) warnings.push({ path: formatPath(['services', index, 'nom']), message: warning });
    result.services.push(s);
  });

  return result;
}
