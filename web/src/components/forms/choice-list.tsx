/**
 * Checkboxes (several choices) or radio buttons (one) in a fieldset, with a hint and an error for the
 * whole group. The first input carries `id`, so an error summary can send the focus to the group.
 */
import { describedByOf, FieldNotes } from './field-head.tsx';

interface Props {
  id: string;
  legend: string;
  options: ReadonlyArray<{ value: string; label: string; description?: string | undefined }>;
  /** Checkboxes: the values ticked. Radios: a one-element list (or empty). */
  selected: readonly string[];
  onChange: (values: string[]) => void;
  single?: boolean;
  hint?: string | undefined;
  error?: string | undefined;
  /** Options laid out in columns (long lists). */
  columns?: boolean;
  /** A few short options side by side. */
  inline?: boolean;
  required?: boolean;
}

export function ChoiceList({ id, legend, options, selected, onChange, single, hint, error, columns, inline, required }: Props) {
  const describedBy = describedByOf(id, hint, error);
  const toggle = (value: string, on: boolean) => onChange(single ? [value] : on ? [...selected, value] : selected.filter((v) => v !== value));
  return (
    <fieldset class={`field choice-list${error ? ' field--error' : ''}${columns ? ' choice-list--columns' : ''}`} aria-describedby={describedBy}>
      <legend>
        {legend}
        {required && <span class="required"> (obligatoire)</span>}
      </legend>
      <FieldNotes id={id} hint={hint} error={error} />
      <div class={`choice-list__options${inline ? ' radio-row' : ''}`}>
        {options.map((o, i) => {
          const inputId = i === 0 ? id : `${id}-${i}`;
          return (
            <div class={single ? 'radio' : 'checkbox'}>
              <input
                type={single ? 'radio' : 'checkbox'}
                id={inputId}
                name={id}
                value={o.value}
                checked={selected.includes(o.value)}
                aria-invalid={error ? true : undefined}
                onChange={(e) => toggle(o.value, (e.currentTarget as HTMLInputElement).checked)}
              />
              <label for={inputId}>
                {o.label}
                {o.description && <span class="hint-inline"> — {o.description}</span>}
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
