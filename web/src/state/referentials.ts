/** The referentials (barriers, publics, types, situations… with French labels) and label lookups. */
import { getReferentials } from '../api/endpoints.ts';
import type { Referentials } from '../api/types.ts';
import { useAsync, type AsyncState } from './use-async.ts';

export const useReferentials = (): AsyncState<Referentials> => useAsync(() => getReferentials(), []);

type Named = 'publics' | 'types' | 'frais' | 'modes_accueil' | 'modes_mobilisation' | 'thematiques' | 'personnes_mobilisatrices' | 'typologies';

/** The French label of a code, or the code itself when unknown. */
export function label(refs: Referentials | null, list: Named, value: string): string {
  const entries = refs?.[list] as ReadonlyArray<{ value: string; label: string }> | undefined;
  return entries?.find((e) => e.value === value)?.label ?? value;
}
