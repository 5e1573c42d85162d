/** A group of checkboxes for one filter (publics, types, frais, modes d'accueil), each with its facet count. */
import { useId } from 'preact/hooks';

interface Props {
  legend: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  selected: readonly string[];
  onChange: (values: string[]) => void;
  /** Results having each value; absent = not shown. */
  counts?: Record<string, number> | undefined;
  /** Keep options with no result visible (otherwise hidden unless selected). */
  showEmpty?: boolean;
}

export function CheckboxGroup({ legend, options, selected, onChange, counts, showEmpty = false }: Props) {
  const id = useId();
  const visible = options.filter((o) => showEmpty || !counts || (counts[o.value] ?? 0) > 0 || selected.includes(o.value));
  const toggle = (value: string, checked: boolean) => onChange(checked ? [...selected, value] : selected.filter((v) => v !== value));
  return (
    <fieldset class="checkbox-group">
      <legend>{legend}</legend>
      {visible.length === 0 && <p class="hint">Aucune valeur parmi les résultats.</p>}
      {visible.map((o, i) => (
        <div class="checkbox">
          <input type="checkbox" id={`${id}-${i}`} checked={selected.includes(o.value)} onChange={(e) => toggle(o.value, (e.currentTarget as HTMLInputElement).checked)} />
          <label for={`${id}-${i}`}>
            {o.label}
            {counts && <span class="facet-count"> ({counts[o.value] ?? 0})</span>}
          </label>
        </div>
      ))}
    </fieldset>
  );
}
