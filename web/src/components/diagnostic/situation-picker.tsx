/** Carnet de bord situations grouped by barrier theme, each group a disclosure with its number of ticked situations. */
import type { Referentials } from '../../api/types.ts';
import { BarrierDisclosure } from '../forms/barrier-disclosure.tsx';

const KIND_NOTE: Record<string, string> = { asset: 'atout', status: 'situation' };

export function SituationPicker({ refs, selected, onChange }: { refs: Referentials; selected: readonly string[]; onChange: (ids: string[]) => void }) {
  const toggle = (id: string, on: boolean) => onChange(on ? [...selected, id] : selected.filter((s) => s !== id));
  return (
    <fieldset class="situations">
      <legend>Ou précisez avec les situations du Carnet de bord</legend>
      <p class="hint">Chaque situation oriente vers les thématiques qui y répondent (par exemple « enfant de moins de 3 ans sans solution de garde » → garde d’enfants).</p>
      {refs.barriers.map((barrier) => {
        const situations = refs.situations.filter((s) => s.barrier === barrier.key);
        if (!situations.length) return null;
        const ticked = situations.filter((s) => selected.includes(s.id)).length;
        return (
          <BarrierDisclosure barrier={barrier} ticked={ticked}>
            {situations.map((s) => (
              <div class="checkbox">
                <input type="checkbox" id={`situation-${s.id}`} checked={selected.includes(s.id)} onChange={(e) => toggle(s.id, (e.currentTarget as HTMLInputElement).checked)} />
                <label for={`situation-${s.id}`}>
                  {s.label.replace(/\s+/g, ' ')}
                  {KIND_NOTE[s.kind] && <span class="hint-inline"> ({KIND_NOTE[s.kind]})</span>}
                </label>
              </div>
            ))}
          </BarrierDisclosure>
        );
      })}
    </fieldset>
  );
}
