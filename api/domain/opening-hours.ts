/**
 * Opening hours in the OpenStreetMap `opening_hours` syntax (what d·i `horaires_accueil` asks for),
 * through the `opening_hours` package: validation with its French messages, a plain French reading
 * for the UI ("lundi au vendredi 9 h – 12 h, 14 h – 17 h"), and "is it open at this moment".
 *
 * The package evaluates rules on a Date's local fields (getDay, getHours). So descriptions are
 * computed on local dates of a reference week (any time zone gives the same result), and isOpenAt
 * first turns the instant into the wall-clock time of the place (Europe/Paris, or overseas).
 */
import OpeningHours from 'opening_hours';

export interface OpeningHoursPlace {
  /**
   * Région name as spelled in the COG ("Nouvelle-Aquitaine", "La Réunion"): the package keys school
   * holidays (`SH`) and overseas public holidays by it. Without it, `SH` rules are refused.
   */
  region?: string | null;
}

export type OpeningHoursCheck = { ok: true; value: string; warnings: string[] } | { ok: false; message: string };

const EXAMPLE = '« Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00 »';

const SCHOOL_HOLIDAYS_WITHOUT_REGION = 'les vacances scolaires (SH) ne sont connues que pour une région ; indiquez plutôt les dates';

function parse(value: string, place: OpeningHoursPlace = {}): OpeningHours {
  // Without a région the package fails on SH and also writes the error to the console: refuse first.
  if (!place.region && /\bSH\b/.test(value)) throw new Error(SCHOOL_HOLIDAYS_WITHOUT_REGION);
  const nominatim = { lat: 46.6, lon: 2.4, address: { country_code: 'fr', state: place.region ?? '' } };
  // mode 0: time ranges only (points in time like "Mo 12:00" are meaningless for a reception desk).
  return new OpeningHours(value, nominatim, {
    mode: 0,
    tag_key: 'opening_hours',
    map_value: false,
    warnings_severity: 4,
    locale: 'fr',
  });
}

function packageMessage(error: unknown): string {
  const text = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim();
  if (/SH n'est pas défini/.test(text)) return SCHOOL_HOLIDAYS_WITHOUT_REGION;
  // The package appends a contribution link to evaluation errors: not for our users.
  const cut = text.replace(/ Vous pouvez corriger cela.*$/, '');
  return cut.length > 300 ? `${cut.slice(0, 297)}…` : cut;
}

/** Checks a value; on success gives its normalised spelling (`mo-fr 9:00-12:00` → `Mo-Fr 09:00-12:00`). */
export function checkOpeningHours(raw: string, place: OpeningHoursPlace = {}): OpeningHoursCheck {
  const value = raw.trim();
  if (!value) return { ok: false, message: `Horaires vides : format OpenStreetMap attendu, par exemple ${EXAMPLE}` };
  try {
    const oh = parse(value, place);
    return { ok: true, value: oh.prettifyValue(), warnings: oh.getWarnings() };
  } catch (error) {
    return { ok: false, message: `Horaires illisibles (format OpenStreetMap attendu, par exemple ${EXAMPLE}) : ${packageMessage(error)}` };
  }
}

const DAY_NAMES = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'] as const;

/** Monday 8 January 2024: a week without public holidays nor daylight-saving change. */
const REFERENCE_MONDAY = { year: 2024, month: 0, day: 8 };
/** 1 May 2024, a Wednesday and a public holiday everywhere in France. */
const REFERENCE_HOLIDAY = { year: 2024, month: 4, day: 1 };

function hour(date: Date, dayStart: Date): string {
  if (date.getTime() - dayStart.getTime() >= 24 * 3600 * 1000) return '24 h';
  const m = date.getMinutes();
  return m ? `${date.getHours()} h ${String(m).padStart(2, '0')}` : `${date.getHours()} h`;
}

/** One day's hours in words ("9 h – 12 h, 14 h – 17 h"), '' when closed. */
function dayHours(oh: OpeningHours, year: number, month: number, day: number): string {
  const start = new Date(year, month, day);
  const end = new Date(year, month, day + 1);
  return oh
    .getOpenIntervals(start, end)
    .map(([from, to, unknown, comment]) => {
      const allDay = from.getTime() === start.getTime() && to.getTime() === end.getTime();
      // A rule with only a comment ("sur rendez-vous") opens in "unknown" state for the whole day.
      let text = allDay ? (unknown && comment ? '' : '24 h sur 24') : `${hour(from, start)} – ${hour(to, start)}`;
      if (comment) text = text ? `${text} (${comment})` : comment;
      else if (unknown) text += ' (à confirmer)';
      return text;
    })
    .join(', ');
}

function joinFrench(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} et ${items[items.length - 1]}`;
}

/** Days 0..6 (Monday first) → "lundi au vendredi", "lundi, mercredi et vendredi", "lundi au mercredi et vendredi". */
function dayList(days: readonly number[]): string {
  if (days.length === 7) return 'tous les jours';
  const tokens: string[] = [];
  for (let i = 0; i < days.length; ) {
    let j = i;
    while (j + 1 < days.length && days[j + 1] === days[j]! + 1) j++;
    if (j - i >= 2) tokens.push(`${DAY_NAMES[days[i]!]} au ${DAY_NAMES[days[j]!]}`);
    else for (let k = i; k <= j; k++) tokens.push(DAY_NAMES[days[k]!]!);
    i = j + 1;
  }
  return joinFrench(tokens);
}

const SEASONAL = /\b(week|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|SH|easter|\d{4})\b/;

/**
 * The hours in plain French for the UI: "lundi au vendredi 9 h – 12 h, 14 h – 17 h ; samedi 9 h – 12 h",
 * with "fermé les jours fériés" when the value says so. Null when the value is not valid.
 */
export function describeOpeningHours(value: string, place: OpeningHoursPlace = {}): string | null {
  let oh: OpeningHours;
  try {
    oh = parse(value.trim(), place);
  } catch {
    return null;
  }
  const { year, month, day } = REFERENCE_MONDAY;
  const week = DAY_NAMES.map((_, i) => dayHours(oh, year, month, day + i));
  const groups = new Map<string, number[]>();
  week.forEach((hours, i) => {
    if (hours) groups.set(hours, [...(groups.get(hours) ?? []), i]);
  });
  const parts = [...groups].map(([hours, days]) => `${dayList(days)} ${hours}`);

  const mentionsHolidays = /\bPH\b/.test(value);
  if (mentionsHolidays) {
    const h = REFERENCE_HOLIDAY;
    const holiday = dayHours(oh, h.year, h.month, h.day);
    parts.push(holiday ? `jours fériés ${holiday}` : 'fermé les jours fériés');
  }
  let text = parts.length ? parts.join(' ; ') : 'fermé';
  // isWeekStable() is false as soon as PH appears, so look for the seasonal syntax itself then.
  const seasonal = mentionsHolidays ? SEASONAL.test(value) : !oh.isWeekStable();
  if (seasonal) text += ' (selon les semaines ou la période de l’année)';
  return text;
}

const OVERSEAS_TIME_ZONES: Readonly<Record<string, string>> = {
  '971': 'America/Guadeloupe',
  '972': 'America/Martinique',
  '973': 'America/Cayenne',
  '974': 'Indian/Reunion',
  '976': 'Indian/Mayotte',
};

/** IANA time zone of a département's wall clock (Europe/Paris except overseas). */
export function timeZoneOfDepartement(code: string | null | undefined): string {
  return (code && OVERSEAS_TIME_ZONES[code]) || 'Europe/Paris';
}

/** The wall-clock time of `instant` in `timeZone`, as a local Date with the same fields. */
function wallClock(instant: Date, timeZone: string): Date {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return new Date(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
}

/**
 * Whether the place is open at `instant` (wall clock of `timeZone`, Europe/Paris by default).
 * Null when nobody can tell: invalid value, or a rule marked unknown / comment-only ("sur rendez-vous").
 */
export function isOpenAt(value: string, instant: Date, options: OpeningHoursPlace & { timeZone?: string } = {}): boolean | null {
  let oh: OpeningHours;
  try {
    oh = parse(value.trim(), options);
  } catch {
    return null;
  }
  const local = wallClock(instant, options.timeZone ?? 'Europe/Paris');
  if (oh.getUnknown(local)) return null;
  return oh.getState(local);
}
