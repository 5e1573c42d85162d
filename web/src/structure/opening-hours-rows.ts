/**
 * The hours editor's model: rows of days with time ranges, turned into the OSM `opening_hours`
 * syntax the API stores (« Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00 ») and read back from it
 * when the value is that simple. Anything richer (holidays, weeks, months, « off ») is left to the
 * raw field: `rowsFromOsm` answers null and the editor shows the value as written.
 */

export const DAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] as const;
export type Day = (typeof DAYS)[number];

export const DAY_LABELS: Readonly<Record<Day, string>> = { Mo: 'lundi', Tu: 'mardi', We: 'mercredi', Th: 'jeudi', Fr: 'vendredi', Sa: 'samedi', Su: 'dimanche' };

export interface TimeRange {
  from: string;
  to: string;
}

export interface HoursRow {
  days: Day[];
  ranges: TimeRange[];
}

const TIME = /^([01]\d|2[0-4]):[0-5]\d$/;

/** « Mo-Fr », « Mo,We,Fr », « Mo-We,Fr »: consecutive days (3 or more) as a range. */
export function daysToOsm(days: readonly Day[]): string {
  const indices = [...new Set(days.map((d) => DAYS.indexOf(d)))].filter((i) => i >= 0).sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < indices.length; ) {
    let j = i;
    while (j + 1 < indices.length && indices[j + 1] === indices[j]! + 1) j++;
    if (j - i >= 2) parts.push(`${DAYS[indices[i]!]}-${DAYS[indices[j]!]}`);
    else for (let k = i; k <= j; k++) parts.push(DAYS[indices[k]!]!);
    i = j + 1;
  }
  return parts.join(',');
}

/** Rows with at least one day and one complete time range, in OSM syntax; '' when there is none. */
export function rowsToOsm(rows: readonly HoursRow[]): string {
  return rows
    .map((row) => {
      const ranges = row.ranges.filter((r) => TIME.test(r.from) && TIME.test(r.to));
      if (!row.days.length || !ranges.length) return '';
      return `${daysToOsm(row.days)} ${ranges.map((r) => `${r.from}-${r.to}`).join(',')}`;
    })
    .filter(Boolean)
    .join('; ');
}

function parseDays(text: string): Day[] | null {
  const days: Day[] = [];
  for (const part of text.split(',')) {
    const m = /^(Mo|Tu|We|Th|Fr|Sa|Su)(?:-(Mo|Tu|We|Th|Fr|Sa|Su))?$/.exec(part.trim());
    if (!m) return null;
    const start = DAYS.indexOf(m[1] as Day);
    const end = m[2] ? DAYS.indexOf(m[2] as Day) : start;
    if (end < start) return null;
    for (let i = start; i <= end; i++) days.push(DAYS[i]!);
  }
  return days;
}

function parseRanges(text: string): TimeRange[] | null {
  const ranges: TimeRange[] = [];
  for (const part of text.split(',')) {
    const m = /^(\d{2}:\d{2})-(\d{2}:\d{2})$/.exec(part.trim());
    if (!m || !TIME.test(m[1]!) || !TIME.test(m[2]!)) return null;
    ranges.push({ from: m[1]!, to: m[2]! });
  }
  return ranges;
}

/** The rows of a simple value (days + times per rule); [] for an empty one; null when the editor cannot show it. */
export function rowsFromOsm(value: string | null | undefined): HoursRow[] | null {
  const text = (value ?? '').trim();
  if (!text) return [];
  const rows: HoursRow[] = [];
  for (const rule of text.split(';')) {
    const m = /^\s*([A-Za-z,-]+)\s+([\d:,\s-]+)\s*$/.exec(rule);
    if (!m) return null;
    const days = parseDays(m[1]!);
    const ranges = parseRanges(m[2]!.replace(/\s+/g, ''));
    if (!days || !ranges) return null;
    rows.push({ days, ranges });
  }
  return rows;
}
