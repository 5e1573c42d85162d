/** « Afficher : Toutes / Envoyée / Acceptée… »: the status filter of a list of orientations. */
import { ORIENTATION_STATUSES, ORIENTATION_STATUS_LABELS, type OrientationStatusValue } from '../../../../api/domain/orientation-choices.ts';
import { SelectField } from '../forms/select-field.tsx';

const OPTIONS = ORIENTATION_STATUSES.map((s) => ({ value: s, label: ORIENTATION_STATUS_LABELS[s] }));

/** The status asked in `?statut=`, or '' (all) for anything else. */
export function statusOf(query: URLSearchParams): OrientationStatusValue | '' {
  const asked = query.get('statut') ?? '';
  return (ORIENTATION_STATUSES as readonly string[]).includes(asked) ? (asked as OrientationStatusValue) : '';
}

export function StatusFilter({ value, onValue }: { value: OrientationStatusValue | ''; onValue: (status: string) => void }) {
  return (
    <div class="field--inline">
      <SelectField id="filtre-statut" label="Afficher" value={value} empty="Toutes" options={OPTIONS} onValue={onValue} />
    </div>
  );
}
