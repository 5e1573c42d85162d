/**
 * CSV files of the dashboard's tables the way French spreadsheet users open them: UTF-8 with a
 * byte-order mark (Excel then reads the accents), `;` between fields (the comma is the decimal
 * separator in French), CRLF line ends — the format of the API's own CSV exports.
 */
export type CsvRow = ReadonlyArray<string | number | null>;

const BOM = '\uFEFF';

function field(value: string | number | null): string {
  const text = value == null ? '' : typeof value === 'number' ? value.toLocaleString('fr-FR', { useGrouping: false, maximumFractionDigits: 2 }) : value;
  return /[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(rows: readonly CsvRow[]): string {
  return BOM + rows.map((row) => row.map(field).join(';')).join('\r\n') + '\r\n';
}

/** Offers the file to the browser as a download. */
export function downloadCsv(filename: string, rows: readonly CsvRow[]): void {
  const url = URL.createObjectURL(new Blob([toCsv(rows)], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}
