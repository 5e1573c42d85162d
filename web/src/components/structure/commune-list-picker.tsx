/** A list of communes (the communes an itinerant offer visits): chips, and an autocomplete to add one. */
import { CommuneCombobox } from '../search/commune-combobox.tsx';
import { CodeChips } from './code-chips.tsx';
import { rememberZone, useZoneNames } from './zone-names.ts';

export function CommuneListPicker({ id, label, hint, value, onChange, error }: { id: string; label: string; hint: string; value: string[]; onChange: (codes: string[]) => void; error?: string | undefined }) {
  const names = useZoneNames(value);
  return (
    <fieldset class={`field${error ? ' field--error' : ''}`}>
      <legend>{label}</legend>
      <CodeChips codes={value} names={names} label={label} onRemove={(code) => onChange(value.filter((c) => c !== code))} />
      <CommuneCombobox
        id={id}
        label="Ajouter une commune"
        hint={hint}
        error={error}
        value={null}
        resetOnChoose
        onChange={(c) => {
          if (!c) return;
          rememberZone({ code: c.code, kind: 'commune', name: c.name, departement_code: c.departement_code });
          if (!value.includes(c.code)) onChange([...value, c.code]);
        }}
      />
    </fieldset>
  );
}
