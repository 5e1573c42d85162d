/** Opening hours in plain French with « Ouvert maintenant » / « Fermé en ce moment », read by the API from the OSM value. */
import { readOpeningHours } from '../../api/endpoints.ts';
import { useAsync } from '../../state/use-async.ts';
import { Icon } from '../ui/icon.tsx';

export function OpenState({ open }: { open: boolean | null }) {
  if (open == null) return null;
  return open ? (
    <span class="open-state open-state--open">
      <Icon name="check" size={16} />
      Ouvert maintenant
    </span>
  ) : (
    <span class="open-state open-state--closed">Fermé en ce moment</span>
  );
}

export function OpeningHours({ value, departement, showState = true }: { value: string | null; departement: string | null; showState?: boolean }) {
  const reading = useAsync((signal) => (value ? readOpeningHours(value, departement, signal) : Promise.resolve(null)), [value, departement]);
  if (!value) return <p>Horaires non communiqués : appelez avant de vous déplacer.</p>;
  if (reading.loading && !reading.data) return <p class="hint is-loading">Lecture des horaires…</p>;
  if (!reading.data?.text) {
    // The API could not read the value: show it as written rather than nothing.
    return (
      <p>
        {value} <span class="hint">(horaires tels que saisis par la structure)</span>
      </p>
    );
  }
  return (
    <div class="opening-hours">
      {showState && <OpenState open={reading.data.open_now} />}
      <p class="opening-hours__text">{capitalize(reading.data.text)}</p>
    </div>
  );
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
