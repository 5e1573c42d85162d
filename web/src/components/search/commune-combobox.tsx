/**
 * Commune autocomplete: a name or a postal code (accents, « st »/« saint », hyphens ignored by
 * GET /api/territories/communes), with the keyboard of the ARIA combobox pattern (forms/combobox.tsx).
 */
import { searchCommunes } from '../../api/endpoints.ts';
import type { CommuneSummary } from '../../api/types.ts';
import { Combobox } from '../forms/combobox.tsx';

export interface CommuneChoice {
  code: string;
  name: string;
  departement_code: string;
}

interface Props {
  label: string;
  value: CommuneChoice | null;
  onChange: (commune: CommuneChoice | null) => void;
  hint?: string;
  error?: string | null;
  required?: boolean;
  id?: string;
  /** Empty the field after a choice (pickers adding communes to a list). */
  resetOnChoose?: boolean;
}

export const communeOptionText = (c: CommuneSummary) => `${c.name} (${c.postal_codes[0] ?? c.departement_code})`;

export function CommuneCombobox({ label, value, onChange, hint, error, required, id, resetOnChoose }: Props) {
  return (
    <Combobox<CommuneSummary>
      id={id}
      label={label}
      hint={hint}
      error={error}
      required={required}
      resetOnChoose={resetOnChoose}
      placeholder="Nom ou code postal"
      valueText={value?.name ?? ''}
      search={async (q, signal) => (await searchCommunes(q, signal)).items}
      optionText={communeOptionText}
      optionMeta={(c) => `département ${c.departement_code}`}
      choiceText={(c) => c.name}
      feminine
      onChoose={(c) => onChange({ code: c.code, name: c.name, departement_code: c.departement_code })}
      onClear={() => onChange(null)}
      announce={(n) => (n ? `${n} commune${n > 1 ? 's' : ''} proposée${n > 1 ? 's' : ''} : flèches haut et bas pour choisir.` : 'Aucune commune ne correspond.')}
      listLabel={(text) => `Communes proposées pour « ${text} »`}
    />
  );
}
