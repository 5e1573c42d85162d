/**
 * The eligibility zone (d·i zone_eligibilite): communes, intercommunalités (EPCI) and départements
 * whose people may use the offer, or the whole of France. Each kind has its own autocomplete (the
 * territory API); an empty zone means open to everyone.
 */
import { useState } from 'preact/hooks';
import { searchDepartements, searchEpci } from '../../api/space-endpoints.ts';
import type { DepartementSummary, EpciSummary } from '../../api/space-types.ts';
import { Combobox } from '../forms/combobox.tsx';
import { CommuneCombobox } from '../search/commune-combobox.tsx';
import { ChoiceList } from '../forms/choice-list.tsx';
import { FieldNotes } from '../forms/field-head.tsx';
import { CodeChips } from './code-chips.tsx';
import { rememberZone, useZoneNames } from './zone-names.ts';

type Kind = 'commune' | 'epci' | 'departement';

const KINDS = [
  { value: 'departement', label: 'un département' },
  { value: 'epci', label: 'une intercommunalité (EPCI)' },
  { value: 'commune', label: 'une commune' },
];

interface Props {
  id: string;
  value: string[];
  onChange: (codes: string[]) => void;
  /** The structure's département: intercommunalités of it are proposed. */
  departement: string | null;
  error?: string | undefined;
}

export function ZonePicker({ id, value, onChange, departement, error }: Props) {
  const [kind, setKind] = useState<Kind>('commune');
  const names = useZoneNames(value);
  const add = (code: string) => {
    if (!value.includes(code)) onChange([...value.filter((c) => c !== 'france'), code]);
  };
  const france = value.includes('france');
  return (
    <fieldset class={`zone-picker field${error ? ' field--error' : ''}`}>
      <legend>Zone d’éligibilité</legend>
      <FieldNotes id={id} hint="Les personnes qui habitent ces territoires peuvent bénéficier de l’offre. Sans zone, l’offre est ouverte à tous." error={error} />
      <CodeChips codes={value} names={names} label="Territoires de la zone" onRemove={(code) => onChange(value.filter((c) => c !== code))} />
      {!value.length && <p class="zone-picker__empty">Ouverte à tous, quel que soit le lieu de vie.</p>}
      <div class="checkbox">
        <input type="checkbox" id={`${id}-france`} checked={france} onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked ? ['france'] : [])} />
        <label for={`${id}-france`}>Toute la France</label>
      </div>
      {!france && (
        <div class="zone-picker__add">
          <ChoiceList id={id} legend="Ajouter" options={KINDS} single selected={[kind]} onChange={([k]) => setKind(k as Kind)} />
          {kind === 'commune' && (
            <CommuneCombobox
              id={`${id}-commune`}
              label="Commune à ajouter"
              value={null}
              resetOnChoose
              onChange={(c) => {
                if (!c) return;
                rememberZone({ code: c.code, kind: 'commune', name: c.name, departement_code: c.departement_code });
                add(c.code);
              }}
            />
          )}
          {kind === 'epci' && (
            <Combobox<EpciSummary>
              id={`${id}-epci`}
              label="Intercommunalité à ajouter"
              hint={departement ? `Celles du département ${departement} d’abord ; tapez le nom (« Val de Garonne », « CC du… ») ou le SIREN.` : 'Tapez le nom ou le SIREN.'}
              valueText=""
              resetOnChoose
              feminine
              search={async (q, signal) => {
                const local = departement ? (await searchEpci(q, departement, signal)).items : [];
                return local.length ? local : (await searchEpci(q, null, signal)).items;
              }}
              optionText={(e) => e.name}
              optionMeta={(e) => `SIREN ${e.code} · ${e.departements.map((d) => `département ${d}`).join(', ')}`}
              onChoose={(e) => {
                rememberZone({ code: e.code, kind: 'epci', name: e.name, departement_code: null });
                add(e.code);
              }}
              listLabel={(text) => `Intercommunalités proposées pour « ${text} »`}
            />
          )}
          {kind === 'departement' && (
            <Combobox<DepartementSummary>
              id={`${id}-departement`}
              label="Département à ajouter"
              hint="Son nom ou son numéro."
              valueText=""
              resetOnChoose
              search={async (q, signal) => (await searchDepartements(q, signal)).items}
              optionText={(d) => `${d.name} (${d.code})`}
              onChoose={(d) => {
                rememberZone({ code: d.code, kind: 'departement', name: d.name, departement_code: d.code });
                add(d.code);
              }}
              listLabel={(text) => `Départements proposés pour « ${text} »`}
            />
          )}
        </div>
      )}
    </fieldset>
  );
}
