/**
 * The thématiques (d·i) an offer answers, grouped under the barriers (freins) professionals search
 * by — each group a disclosure with the number ticked, so the list of 69 stays short to read.
 */
import type { Referentials } from '../../api/types.ts';
import { BarrierDisclosure } from '../forms/barrier-disclosure.tsx';
import { describedByOf, FieldNotes } from '../forms/field-head.tsx';

const HINT = 'Les professionnels cherchent par frein : ouvrez ceux auxquels l’offre répond et cochez ce qu’elle propose.';

interface Props {
  id: string;
  refs: Referentials;
  selected: readonly string[];
  onChange: (values: string[]) => void;
  error?: string | undefined;
}

export function ThematiquePicker({ id, refs, selected, onChange, error }: Props) {
  const labels = new Map(refs.thematiques.map((t) => [t.value as string, t.label]));
  const toggle = (value: string, on: boolean) => onChange(on ? [...selected, value] : selected.filter((v) => v !== value));
  return (
    <fieldset id={id} tabIndex={-1} class={`thematiques field${error ? ' field--error' : ''}`} aria-describedby={describedByOf(id, HINT, error)}>
      <legend>
        Thématiques <span class="required">(au moins une pour publier)</span>
      </legend>
      <FieldNotes id={id} hint={HINT} error={error} />
      {refs.barriers.map((barrier) => {
        const ticked = barrier.thematiques.filter((t) => selected.includes(t)).length;
        return (
          <BarrierDisclosure barrier={barrier} ticked={ticked}>
            {barrier.thematiques.map((t) => {
              const inputId = `${id}-${t}`;
              return (
                <div class="checkbox">
                  <input type="checkbox" id={inputId} checked={selected.includes(t)} onChange={(e) => toggle(t, (e.currentTarget as HTMLInputElement).checked)} />
                  <label for={inputId}>{labels.get(t) ?? t}</label>
                </div>
              );
            })}
          </BarrierDisclosure>
        );
      })}
    </fieldset>
  );
}
