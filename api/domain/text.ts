/** Text normalisation shared by stored search keys and user queries, so both sides compare alike. */

const ABBREVIATIONS: Readonly<Record<string, string>> = { st: 'saint', ste: 'sainte' };

const MARK = /\p{M}/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** Letters written as two once lower-cased and without accents. */
const SPELLED_OUT: Readonly<Record<string, string>> = { 'œ': 'oe', 'æ': 'ae', 'ß': 'ss' };

/**
 * Lower case, no accents, œ/æ spelled out, every non-alphanumeric run (hyphens, apostrophes,
 * punctuation) turned into one space, and the "st"/"ste" abbreviations written in full:
 * "Saint-Étienne", "st etienne" and "ST-ÉTIENNE" all become "saint etienne".
 *
 * One pass over the decomposed text (it runs on every indexed document: tens of thousands per
 * reindex): runs of plain ASCII letters and digits are copied as slices; other characters are
 * marks (dropped, as accents are once decomposed), letters to spell out, other letters or digits
 * (kept), or separators.
 */
export function normalizeForSearch(s: string): string {
  const text = s.toLowerCase().normalize('NFD');
  let out = '';
  let word = '';
  /** Start of the run of characters copied as they are. */
  let from = 0;
  // No inner function: this runs for every word of every document indexed.
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0x20;
    let next = i + 1;
    if (c < 0x80) {
      // Lower-cased: no A-Z left.
      if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) continue;
    } else {
      const char = String.fromCodePoint(text.codePointAt(i)!);
      next = i + char.length;
      const spelled = SPELLED_OUT[char];
      const mark = spelled === undefined && ((c >= 0x300 && c <= 0x36f) || MARK.test(char));
      if (spelled !== undefined || mark || LETTER_OR_DIGIT.test(char)) {
        if (spelled !== undefined || mark) {
          word += text.slice(from, i) + (spelled ?? '');
          from = next;
        }
        i = next - 1;
        continue;
      }
    }
    // A separator: the word ends here.
    word += text.slice(from, i);
    if (word) out += (out ? ' ' : '') + (ABBREVIATIONS[word] ?? word);
    word = '';
    from = next;
    i = next - 1;
  }
  return out;
}

/** A slug for identifiers: the normalised text with hyphens ("Saint-Flour" → "saint-flour"). */
export function slugify(s: string): string {
  return normalizeForSearch(s).replace(/ /g, '-');
}

/**
 * French « de » before a name: elided before a vowel (« Message d’Atelier vélo », « l’orientation
 * d’Émilie »), as is before a consonant. Mute h is left alone: « de Habitat Jeunes » reads fine,
 * and guessing which h is mute would be wrong as often as right.
 */
export function de(name: string): string {
  return /^[aeiouyàâäéèêëîïôöùûüÿæœ]/i.test(name.trim()) ? `d’${name.trim()}` : `de ${name.trim()}`;
}
