/**
 * The personal-data registry (api/db/personal-data.ts) against the real schema and the real
 * retention tasks: every column of every table is classified; every personal column has a rule; an
 * "account" rule holds only where the data goes with the account; and each retention task blanks
 * (or deletes) exactly what the registry says, for old rows only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import { createTestDb, type TestDb } from '../helpers/db.ts';
import { PERSONAL_DATA, type RetentionTask } from '../../api/db/personal-data.ts';
import { runRetention, SHORT_RETENTION_DAYS } from '../../api/db/retention.ts';
import type { Database } from '../../api/db/schema.ts';

const DAY = 86_400_000;
const NOW = new Date('2026-06-15T10:00:00Z');
const RETENTION_DAYS = 180;
const ago = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();

let t: TestDb;

async function columnsOf(db: Kysely<Database>): Promise<Map<string, string[]>> {
  const tables = (await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%' order by name`.execute(db)).rows;
  const out = new Map<string, string[]>();
  for (const { name } of tables) out.set(name, (await sql<{ name: string }>`select name from pragma_table_info(${name})`.execute(db)).rows.map((r) => r.name));
  return out;
}

beforeAll(async () => {
  t = await createTestDb();
});

afterAll(async () => {
  await t?.close();
});

describe('personal-data registry', () => {
  it('classifies every column of every table, and nothing that does not exist', async () => {
    const schema = await columnsOf(t.db);
    expect([...schema.keys()].sort()).toEqual(Object.keys(PERSONAL_DATA).sort());
    for (const [table, columns] of schema) {
      const c = PERSONAL_DATA[table]!;
      const classified = [...c.other, ...Object.keys(c.personal)];
      expect(classified.filter((col) => c.other.includes(col) && col in c.personal), `${table}: classified twice`).toEqual([]);
      expect(classified.sort(), `${table}: columns not classified (or gone)`).toEqual([...columns].sort());
    }
  });

  it('gives every personal column a rule, and every task-based rule a task that runs', async () => {
    const tasks = Object.keys(await runRetention(t.db, { orientationRetentionDays: RETENTION_DAYS }, NOW));
    for (const [table, c] of Object.entries(PERSONAL_DATA)) {
      for (const [column, p] of Object.entries(c.personal)) {
        expect(p.what, `${table}.${column}`).toMatch(/\S/);
        expect(['anonymise', 'delete-row', 'account', 'published-contact'], `${table}.${column}`).toContain(p.rule.kind);
        if (p.rule.kind === 'anonymise' || p.rule.kind === 'delete-row') expect(tasks, `${table}.${column}`).toContain(p.rule.task);
      }
    }
  });

  it('"account" data goes with the account: the users row, or a row that cascades (or a reference set to null) when it is deleted', async () => {
    for (const [table, c] of Object.entries(PERSONAL_DATA)) {
      const columns = Object.entries(c.personal).filter(([, p]) => p.rule.kind === 'account').map(([col]) => col);
      if (!columns.length || table === 'users') continue;
      const keys = (await sql<{ table: string; from: string; on_delete: string }>`select "table", "from", on_delete from pragma_foreign_key_list(${table})`.execute(t.db)).rows.filter((k) => k.table === 'users');
      for (const column of columns) {
        const ok = keys.some((k) => (k.from === column && k.on_delete === 'SET NULL') || (k.from !== column && k.on_delete === 'CASCADE'));
        expect(ok, `${table}.${column}: no foreign key to users that removes it with the account`).toBe(true);
      }
    }
  });
});

/** How the test recognises the rows it made old, per table a task touches. */
const OLD_ROWS: Record<string, string> = {
  orientation_requests: "id like 'old%'",
  orientations: "id like 'old%'",
  orientation_messages: "orientation_id like 'old%'",
  offer_reports: "id like 'old%'",
  mail_outbox: "recipient like 'old%'",
  email_tokens: "id like 'old%'",
};

async function seed(db: Kysely<Database>, prefix: 'old' | 'new', closedAt: string, createdAt: string) {
  await db.insertInto('users').values({ id: `${prefix}-u`, email: `${prefix}@exemple.fr`, name: 'Référente', password_hash: 'h', password_salt: 's', password_iterations: 1, email_verified_at: createdAt, is_admin: 0, created_at: createdAt, updated_at: createdAt }).execute();
  await db.insertInto('structures').values({ id: `${prefix}-s`, source: 't', source_id: `${prefix}-s`, siret: null, name: 'S', description: null, typology: null, reseaux_porteurs: null, address: null, address_complement: null, postal_code: null, commune_code: null, commune_name: null, departement_code: null, lon: null, lat: null, phone: null, email: null, website: null, opening_hours: null, accessibility_url: null, source_url: null, status: 'validated', updated_on: '2026-01-01', confirmed_at: null, created_at: createdAt, updated_at: createdAt, validated_at: null, rejection_reason: null }).execute();
  await db.insertInto('offers').values({ id: `${prefix}-o`, structure_id: `${prefix}-s`, source: 't', source_id: `${prefix}-o`, name: 'O', description: 'd', type: null, thematiques: null, publics: null, publics_details: null, age_min: null, age_max: null, access_conditions: null, fees: null, fees_details: null, modes_accueil: null, itinerant_communes: null, zone: null, address: null, address_complement: null, postal_code: null, commune_code: null, commune_name: null, departement_code: null, lon: null, lat: null, modes_mobilisation: null, mobilisable_par: null, mobilisation_details: null, mobilisation_url: null, contact_name: null, phone: null, email: null, contact_public: 0, opening_hours: null, weekly_hours: null, weeks: null, capacity: null, places_available: null, source_url: null, status: 'published', suspended_until: null, update_frequency_months: 6, updated_on: '2026-01-01', confirmed_at: null, completeness: null, reviewed_at: null, created_at: createdAt, updated_at: createdAt }).execute();
  await db.insertInto('orientation_requests').values({ id: `${prefix}-r`, prescriber_user_id: `${prefix}-u`, beneficiary_first_name: 'Camille', beneficiary_last_name: 'Durand', contact_preference: 'email', beneficiary_phone: '06 12 34 56 78', beneficiary_email: 'camille@exemple.fr', availability: 'mardi', reasons: 'motifs', consent_at: createdAt, created_at: createdAt, anonymised_at: null }).execute();
  await db.insertInto('orientations').values({ id: `${prefix}-or`, request_id: `${prefix}-r`, offer_id: `${prefix}-o`, structure_id: `${prefix}-s`, offer_name: 'O', structure_name: 'S', status: 'refused', refusal_reason: 'autre', answer_message: 'message', session_label: null, session_starts_on: null, sent_at: createdAt, answered_at: closedAt, closed_at: closedAt, reminded_at: null, link_sent_at: createdAt }).execute();
  await db.insertInto('orientation_messages').values({ orientation_id: `${prefix}-or`, author: 'structure', body: 'bonjour', created_at: closedAt }).execute();
  await db.insertInto('offer_reports').values({ id: `${prefix}-rep`, offer_id: `${prefix}-o`, message: 'erreur', email: 'signale@exemple.fr', status: 'new', created_at: createdAt, resolved_at: null, resolved_by: null }).execute();
  await db.insertInto('mail_outbox').values({ recipient: `${prefix}@exemple.fr`, reply_to: 'pro@exemple.fr', subject: 's', text: 't', html: 'h', created_at: createdAt }).execute();
  await db.insertInto('email_tokens').values({ id: `${prefix}-tok`, purpose: 'invite', user_id: null, email: 'invite@exemple.fr', structure_id: null, role: 'member', created_by: null, created_at: createdAt, expires_at: createdAt, used_at: null }).execute();
}

describe('retention tasks do what the registry says', () => {
  it('blank or delete the declared columns of old rows, and leave recent rows alone', async () => {
    const d = await createTestDb();
    try {
      await seed(d.db, 'old', ago(RETENTION_DAYS + 1), ago(RETENTION_DAYS + 40));
      await seed(d.db, 'new', ago(RETENTION_DAYS - 1), ago(SHORT_RETENTION_DAYS - 1));
      const report = await runRetention(d.db, { orientationRetentionDays: RETENTION_DAYS }, NOW);
      expect(Object.values(report).every((n) => n > 0), JSON.stringify(report)).toBe(true);
      for (const [table, c] of Object.entries(PERSONAL_DATA)) {
        for (const [column, p] of Object.entries(c.personal)) {
          if (p.rule.kind !== 'anonymise' && p.rule.kind !== 'delete-row') continue;
          const old = OLD_ROWS[table];
          if (!old) throw new Error(`${table}: tell this test how to recognise its old rows (OLD_ROWS)`);
          const rows = (await sql<Record<string, unknown>>`select ${sql.ref(column)} as v from ${sql.table(table)} where ${sql.raw(old)}`.execute(d.db)).rows;
          const recent = (await sql<Record<string, unknown>>`select ${sql.ref(column)} as v from ${sql.table(table)} where not (${sql.raw(old)})`.execute(d.db)).rows;
          if (p.rule.kind === 'delete-row') expect(rows, `${table}.${column} (${p.rule.task as RetentionTask})`).toEqual([]);
          else expect(rows.map((r) => r.v), `${table}.${column}`).toEqual([null]);
          expect(recent.length, `${table}.${column}: recent rows kept`).toBeGreaterThan(0);
          expect(recent.every((r) => r.v !== null), `${table}.${column}: recent values kept`).toBe(true);
        }
      }
    } finally {
      await d.close();
    }
  });
});
