/** The dated sessions of an offer (start, end, places): one row each, added and removed at will. */
import type { SessionValues } from '../../structure/offer-values.ts';
import { emptySession } from '../../structure/offer-values.ts';
import { errorAt, fieldId, type FieldErrors } from '../../structure/field-errors.ts';
import { TextField } from '../forms/text-field.tsx';
import { Icon } from '../ui/icon.tsx';

export function SessionsEditor({ value, onChange, errors }: { value: SessionValues[]; onChange: (sessions: SessionValues[]) => void; errors: FieldErrors }) {
  const set = (i: number, field: keyof SessionValues, v: string) => onChange(value.map((s, k) => (k === i ? { ...s, [field]: v } : s)));
  const f = (i: number, field: keyof SessionValues) => ({ id: fieldId(`sessions.${i}.${field}`), value: value[i]![field], onValue: (v: string) => set(i, field, v), error: errorAt(errors, `sessions.${i}.${field}`) });
  return (
    <div class="sessions-editor" id={fieldId('sessions')} tabIndex={-1}>
      <h3>Sessions</h3>
      <p class="hint">Pour une action qui démarre à dates fixes : chaque session avec ses dates et ses places.</p>
      {value.map((_, i) => (
        <fieldset class="session-row">
          <legend>Session {i + 1}</legend>
          <div class="field-row">
            <TextField label="Nom de la session" {...f(i, 'label')} maxLength={150} />
            <TextField label="Début" type="date" required {...f(i, 'starts_on')} />
            <TextField label="Fin" type="date" {...f(i, 'ends_on')} />
          </div>
          <div class="field-row">
            <TextField label="Places au total" type="number" inputMode="numeric" min={0} {...f(i, 'capacity')} />
            <TextField label="Places disponibles" type="number" inputMode="numeric" min={0} {...f(i, 'places_available')} />
          </div>
          <button type="button" class="button button--tertiary button--small" onClick={() => onChange(value.filter((_, k) => k !== i))}>
            Supprimer la session {i + 1}
          </button>
        </fieldset>
      ))}
      <button type="button" class="button button--secondary button--small" onClick={() => onChange([...value, emptySession()])}>
        <Icon name="plus" size={16} />
        Ajouter une session
      </button>
    </div>
  );
}
