/** The demo catalogue: the five départements of the seed programmes. */
import type { DemoDepartement } from './types.ts';
import cantal from './departement-15.ts';
import landes from './departement-40.ts';
import lotEtGaronne from './departement-47.ts';
import puyDeDome from './departement-63.ts';
import saoneEtLoire from './departement-71.ts';

export const DEMO_DEPARTEMENTS: readonly DemoDepartement[] = [cantal, landes, lotEtGaronne, puyDeDome, saoneEtLoire];

/** Source name of every demo record: the UI shows these as demo data. */
export const DEMO_SOURCE = 'demo';
