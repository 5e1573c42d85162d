/** Territories repository (communes, EPCI, départements, areas, contours). */
import type { Kysely, Selectable } from 'kysely';
import type { CommuneTable, Database } from './schema.ts';

export type CommuneRow = Selectable<CommuneTable>;

export async function getCommune(db: Kysely<Database>, code: string): Promise<CommuneRow | undefined> {
  return db.selectFrom('communes').selectAll().where('code', '=', code).executeTakeFirst();
}
