/** When each maintenance task last ran (api/jobs/maintenance.ts reads its window from it). */
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

export async function lastRunAt(db: Kysely<Database>, task: string): Promise<Date | null> {
  const row = await db.selectFrom('maintenance_runs').select('last_run_at').where('task', '=', task).executeTakeFirst();
  return row ? new Date(row.last_run_at) : null;
}

export async function recordRun(db: Kysely<Database>, task: string, at: Date): Promise<void> {
  const stamp = at.toISOString();
  await db
    .insertInto('maintenance_runs')
    .values({ task, last_run_at: stamp })
    .onConflict((oc) => oc.column('task').doUpdateSet({ last_run_at: stamp }))
    .execute();
}
