/**
 * CSV the way French spreadsheet users open it: UTF-8 with a byte-order mark (so Excel reads the
 * accents), `;` between fields (the comma is the decimal separator in French), CRLF line ends.
 */
import type { Context } from 'hono';

const BOM = '\uFEFF';

function field(value: string | number): string {
  const text = String(value);
  return /[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(rows: readonly (readonly (string | number)[])[]): string {
  return BOM + rows.map((row) => row.map(field).join(';')).join('\r\n') + '\r\n';
}

/** True when the client asked for CSV: `format=csv`, or an Accept header preferring text/csv. */
export function wantsCsv(c: Context, format: string | undefined): boolean {
  if (format) return format === 'csv';
  return /\btext\/csv\b/.test(c.req.header('accept') ?? '');
}

export function csvResponse(c: Context, rows: readonly (readonly (string | number)[])[], filename: string): Response {
  return c.body(toCsv(rows), 200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${filename}"`,
  });
}
