/**
 * The opening-hours editor: rows of days with time ranges that write the OSM syntax the API stores,
 * the French reading of the result by the API (GET /api/opening-hours), and the raw OSM value for
 * experts. Values the rows cannot show (holidays, months…) stay editable in the raw field.
 */
import { useEffect, useId, useState } from 'preact/hooks';
import { readOpeningHours } from '../../api/endpoints.ts';
import { useAsync } from '../../state/use-async.ts';
import { DAYS, DAY_LABELS, rowsFromOsm, rowsToOsm, type Day, type HoursRow } from '../../structure/opening-hours-rows.ts';
import { TextField } from '../forms/text-field.tsx';
import { Icon } from '../ui/icon.tsx';

interface Props {
  id: string;
  value: string;
  onChange: (value: string) => void;
  departement: string | null;
  error?: string | undefined;
}

const newRow = (): HoursRow => ({ days: ['Mo', 'Tu', 'We', 'Th', 'Fr'], ranges: [{ from: '09:00', to: '12:00' }] });

/** The API's French reading of the value, a little after the last change (null data: no value). */
function useHoursReading(value: string, departement: string | null) {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), 350);
    return () => window.clearTimeout(timer);
  }, [value]);
  return useAsync((signal) => (settled.trim() ? readOpeningHours(settled, departement, signal) : Promise.resolve(null)), [settled, departement]);
}

/**
 * « Horaires invalides : <what the parser found> », from the API's message (which also restates the
 * expected format, already given as the hint of the expert field).
 */
export function invalidHoursText(message: string): string {
  const detail = /^horaires illisibles \(.*?»\) : (.+)$/is.exec(message)?.[1] ?? message;
  return `Horaires invalides : ${detail}`;
}

export function HoursEditor({ id, value, onChange, departement, error }: Props) {
  const auto = useId();
  const reading = useHoursReading(value, departement);
  const readingProblem = value.trim() && reading.error ? (reading.error.errors[0]?.message ?? reading.error.userMessage) : null;
  // One message, whether the form's check or the reading found it first.
  const problem = error ?? readingProblem;
  const [rows, setRows] = useState<HoursRow[] | null>(() => rowsFromOsm(value));
  // A value changed from outside (saved and normalised, typed in the raw field) is shown again in rows.
  useEffect(() => {
    if (rows && rowsToOsm(rows) === value.trim()) return;
    setRows(rowsFromOsm(value));
  }, [value]);

  const update = (next: HoursRow[]) => {
    setRows(next);
    onChange(rowsToOsm(next));
  };
  const setRow = (i: number, row: HoursRow) => update(rows!.map((r, k) => (k === i ? row : r)));
  const toggleDay = (i: number, day: Day, on: boolean) => {
    const row = rows![i]!;
    setRow(i, { ...row, days: on ? [...row.days, day] : row.days.filter((d) => d !== day) });
  };
  const setRange = (i: number, j: number, field: 'from' | 'to', time: string) => {
    const row = rows![i]!;
    setRow(i, { ...row, ranges: row.ranges.map((r, k) => (k === j ? { ...r, [field]: time } : r)) });
  };

  return (
    <div class={`hours-editor field${problem ? ' field--error' : ''}`}>
      <p class="field__label" id={`${id}-titre`}>
        Horaires d’ouverture
      </p>
      {problem && (
        <p class="field__error" id={`${id}-erreur`} data-testid="hours-error">
          {invalidHoursText(problem)}
        </p>
      )}
      {rows ? (
        <>
          {rows.map((row, i) => (
            <fieldset class="hours-row">
              <legend>Créneau {i + 1}</legend>
              <div class="hours-row__days">
                {DAYS.map((day) => (
                  <span class="day-toggle">
                    <input type="checkbox" id={`${auto}-${i}-${day}`} checked={row.days.includes(day)} onChange={(e) => toggleDay(i, day, (e.currentTarget as HTMLInputElement).checked)} />
                    <label for={`${auto}-${i}-${day}`}>{DAY_LABELS[day]}</label>
                  </span>
                ))}
              </div>
              {row.ranges.map((range, j) => (
                <div class="hours-row__range">
                  <label for={`${auto}-${i}-${j}-de`}>de</label>
                  <input type="time" id={`${auto}-${i}-${j}-de`} value={range.from} onInput={(e) => setRange(i, j, 'from', (e.currentTarget as HTMLInputElement).value)} />
                  <label for={`${auto}-${i}-${j}-a`}>à</label>
                  <input type="time" id={`${auto}-${i}-${j}-a`} value={range.to} onInput={(e) => setRange(i, j, 'to', (e.currentTarget as HTMLInputElement).value)} />
                  {row.ranges.length > 1 && (
                    <button type="button" class="button button--tertiary button--small" onClick={() => setRow(i, { ...row, ranges: row.ranges.filter((_, k) => k !== j) })}>
                      Retirer cette plage
                    </button>
                  )}
                </div>
              ))}
              <p class="hours-row__actions">
                <button type="button" class="button button--tertiary button--small" onClick={() => setRow(i, { ...row, ranges: [...row.ranges, { from: '14:00', to: '17:00' }] })}>
                  <Icon name="plus" size={16} />
                  Ajouter une plage horaire
                </button>
                <button type="button" class="button button--tertiary button--small" onClick={() => update(rows.filter((_, k) => k !== i))}>
                  Supprimer le créneau {i + 1}
                </button>
              </p>
            </fieldset>
          ))}
          <button type="button" class="button button--secondary button--small" id={id} onClick={() => update([...rows, newRow()])}>
            <Icon name="plus" size={16} />
            Ajouter un créneau
          </button>
        </>
      ) : problem ? (
        <p class="hint" id={id} tabIndex={-1}>
          Corrigez les horaires dans la saisie experte ci-dessous, ou videz-la pour revenir à l’éditeur par jours.
        </p>
      ) : (
        <p class="notice notice--info" id={id} tabIndex={-1}>
          Ces horaires utilisent des règles que l’éditeur par jours ne sait pas afficher (jours fériés, périodes…) : modifiez-les dans la saisie experte ci-dessous.
        </p>
      )}
      {!value.trim() ? (
        <p class="hours-preview hint">Aucun horaire : la fiche dira « Horaires non communiqués : appelez avant de vous déplacer ».</p>
      ) : (
        !problem && (
          <p class="hours-preview" aria-live="polite">
            <span class="hint-inline">Ce que liront les professionnels : </span>
            {reading.data?.text ?? '…'}
          </p>
        )
      )}
      <details class="hours-raw" open={!rows}>
        <summary>Saisie experte (syntaxe OpenStreetMap)</summary>
        <TextField
          id={`${id}-osm`}
          label="Horaires au format opening_hours"
          hint="Par exemple « Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00; PH off »."
          value={value}
          onValue={onChange}
        />
      </details>
    </div>
  );
}
