/** French wording for numbers, distances and dates as agents say them. */
export { frenchDay, frenchRelativeTime } from '../../api/domain/matching/time.ts';

/** « sur place », « à 8 km », « à 1,5 km ». */
export function distanceText(km: number | null | undefined): string | null {
  if (km == null) return null;
  if (km < 1) return 'sur place';
  // Rounded like the API's reasons (« à 18 km »), so the card never shows two spellings.
  return `à ${Math.round(km)} km`;
}

/** « 1 offre », « 12 offres ». */
export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${n.toLocaleString('fr-FR')} ${n > 1 ? pluralForm : singular}`;
}

/** « 12 mars 2026 ». */
export function dateText(iso: string): string {
  const date = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
  return date.toLocaleDateString('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' });
}

/** « 12 mars 2026 à 14:05 » (Paris time). */
export function dateTimeText(iso: string): string {
  return new Date(iso).toLocaleString('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' });
}

/** « 16 à 25 ans », « à partir de 18 ans », « jusqu’à 25 ans », null when open to all ages. */
export function ageText(min: number | null, max: number | null): string | null {
  if (min != null && max != null) return `de ${min} à ${max} ans`;
  if (min != null) return `à partir de ${min} ans`;
  if (max != null) return `jusqu’à ${max} ans`;
  return null;
}

/** French list: « a, b et c ». */
export function joinFrench(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} et ${items[items.length - 1]}`;
}
