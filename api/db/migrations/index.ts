/**
 * Forward-only migrations, in order. Each is a list of SQL statements that run on SQLite and D1 alike.
 * Never edit a migration that has landed: add the next one.
 */
import * as m0001 from './0001_territories.ts';
import * as m0002 from './0002_catalogue.ts';
import * as m0003 from './0003_search.ts';
import * as m0004 from './0004_accounts.ts';
import * as m0005 from './0005_editing.ts';
import * as m0007 from './0007_onboarding.ts';
import * as m0009 from './0009_offer_reports.ts';
import * as m0011 from './0011_orientations.ts';
import * as m0012 from './0012_freshness_campaigns.ts';
import * as m0014 from './0014_maintenance_runs.ts';
import * as m0015 from './0015_mail_queue.ts';

export interface MigrationDef {
  name: string;
  statements: readonly string[];
}

export const MIGRATIONS: readonly MigrationDef[] = [
  { name: '0001_territories', statements: m0001.statements },
  { name: '0002_catalogue', statements: m0002.statements },
  { name: '0003_search', statements: m0003.statements },
  { name: '0004_accounts', statements: m0004.statements },
  { name: '0005_editing', statements: m0005.statements },
  { name: '0007_onboarding', statements: m0007.statements },
  { name: '0009_offer_reports', statements: m0009.statements },
  { name: '0011_orientations', statements: m0011.statements },
  { name: '0012_freshness_campaigns', statements: m0012.statements },
  { name: '0014_maintenance_runs', statements: m0014.statements },
  { name: '0015_mail_queue', statements: m0015.statements },
];
