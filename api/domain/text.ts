/** Text normalisation shared by stored search keys and user queries, so both sides compare alike. */

const ABBREVIATIONS: Readonly<Record<string, string>> = { st: 'saint', ste: 'sainte' };

/**
 * Lower case, no accents, œ/æ spelled out, every non-alphanumeric run (hyphens, apostrophes,
 * punctuation) turned into one space, and the "st"/"ste" abbreviations written in full:
 * "Saint-Étienne", "st etienne" and "ST-ÉTIENNE" all become "saint etienne".
 */
export function normalizeForSearch(s: string): string {
  const words = s
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  return words.map((w) => ABBREVIATIONS[w] ?? w).join(' ');
}

/** A slug for identifiers: the normalised text with hyphens ("Saint-Flour" → "saint-flour"). */
export function slugify(s: string): string {
  return normalizeForSearch(s).replace(/ /g, '-');
}
