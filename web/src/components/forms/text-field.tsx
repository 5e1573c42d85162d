/** A labelled input with its hint and its error, wired for screen readers (aria-describedby, aria-invalid). */
import { describedByOf, FieldHead } from './field-head.tsx';

interface Props {
  id: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
  type?: 'text' | 'email' | 'password' | 'search' | 'tel' | 'url' | 'date' | 'number' | 'time';
  inputMode?: 'numeric' | 'decimal' | 'tel' | 'email' | 'url';
  /** Attributes of a number or date input. */
  min?: number | string;
  max?: number | string;
  step?: number | string;
  rows?: number;
  autoComplete?: string;
  maxLength?: number;
  required?: boolean;
  hint?: string;
  error?: string | undefined;
  multiline?: boolean;
}

export function TextField({ id, label, value, onValue, type = 'text', inputMode, min, max, step, rows, autoComplete, maxLength, required, hint, error, multiline }: Props) {
  const describedBy = describedByOf(id, hint, error);
  const common = {
    id,
    name: id,
    value,
    maxLength,
    'aria-describedby': describedBy,
    'aria-invalid': error ? true : undefined,
    'aria-required': required ? true : undefined,
    onInput: (e: Event) => onValue((e.currentTarget as HTMLInputElement | HTMLTextAreaElement).value),
  };
  return (
    <div class={`field${error ? ' field--error' : ''}`}>
      <FieldHead id={id} label={label} required={required} hint={hint} error={error} />
      {multiline ? <textarea {...common} rows={rows} /> : // Preact types each input type separately; the union of ours is plain text-like inputs.
        <input {...common} type={type as 'text'} inputMode={inputMode} min={min} max={max} step={step} autoComplete={autoComplete} />}
    </div>
  );
}
