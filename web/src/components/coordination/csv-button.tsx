/** « Télécharger (CSV) » for a table of the dashboard, generated here in the spreadsheet format of the API's exports. */
import { downloadCsv, type CsvRow } from '../../coordination/csv.ts';
import { Icon } from '../ui/icon.tsx';

export function CsvButton({ filename, rows, label = 'Télécharger le tableau (CSV)' }: { filename: string; rows: () => readonly CsvRow[]; label?: string }) {
  return (
    <button type="button" class="button button--secondary button--small" onClick={() => downloadCsv(filename, rows())}>
      <Icon name="download" size={16} />
      {label}
    </button>
  );
}
