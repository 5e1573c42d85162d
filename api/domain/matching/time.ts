/** French relative time for "mis à jour il y a …" (reasons shown to agents). */
const DAY = 86_400_000;
const MONTH_DAYS = 365.25 / 12;

/** « aujourd’hui », « il y a 1 jour », « il y a 3 jours », « il y a 2 mois », « il y a plus d’un an ». */
export function frenchRelativeTime(then: Date, now: Date): string {
  const days = Math.floor((now.getTime() - then.getTime()) / DAY);
  if (days < 1) return 'aujourd’hui';
  if (days < 30) return `il y a ${days} jour${days > 1 ? 's' : ''}`;
  if (days < 365) return `il y a ${Math.max(1, Math.floor(days / MONTH_DAYS))} mois`;
  return 'il y a plus d’un an';
}

/** Whole months between two dates, fractional (for freshness). */
export function monthsBetween(then: Date, now: Date): number {
  return (now.getTime() - then.getTime()) / DAY / MONTH_DAYS;
}

/** Building a formatter costs far more than using one: one, immutable, for every call. */
const PARIS_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day (YYYY-MM-DD) in metropolitan France, the day unmet needs are counted on. */
export function frenchDay(now: Date): string {
  return PARIS_DAY.format(now);
}

/**
 * frenchDay that remembers its last answer for the minute it was asked in: Paris changes day on a
 * whole hour, so the day of a minute is the day of each of its instants. For routes that ask once
 * per request (formatting a day costs more than the rest of a small request's domain work).
 */
export function frenchDayByMinute(): (now: Date) => string {
  let minute = NaN;
  let day = '';
  return (now) => {
    const m = Math.floor(now.getTime() / 60_000);
    if (m !== minute) {
      day = frenchDay(now);
      minute = m;
    }
    return day;
  };
}
