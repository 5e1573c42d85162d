/** A labelled drop-down list with its hint and error; the empty choice says what leaving it empty means. */
import { describedByOf, FieldHead } from './field-head.tsx';

interface Props {
  id: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
  options: ReadonlyArray<{ value: string; label: string }>;
  /** Label of the empty choice ('' value); absent: no empty choice. */
  empty?: string;
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean;
}

export function SelectField({ id, label, value, onValue, options, empty, hint, error, required }: Props) {
  return (
    <div class={`field${error ? ' field--error' : ''}`}>
      <FieldHead id={id} label={label} required={required} hint={hint} error={error} />
      <select
        id={id}
        name={id}
        value={value}
        aria-describedby={describedByOf(id, hint, error)}
        aria-invalid={error ? true : undefined}
        onChange={(e) => onValue((e.currentTarget as HTMLSelectElement).value)}
      >
        {empty !== undefined && <option value="">{empty}</option>}
        {options.map((o) => (
          <option value={o.value}>{o.label}</option>
        ))}
      </select>
    </div>
  );
}
