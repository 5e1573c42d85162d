/** Small rules of written French for text built around names. */

const VOWEL = /^[aeiouyàâäéèêëîïôöùûüÿæœ]/i;

/**
 * The preposition « de » before a name, elided or contracted as French writes it: « d’Agen »,
 * « d’Allanche », « de Mâcon », « du Mans », « des Sables-d’Olonne ». A person's name is only
 * elided (« de Le Goff », « d’Élodie Martin »). Mute h is left alone (« de Hendaye » is rare enough).
 */
export function de(name: string, { person = false } = {}): string {
  const trimmed = name.trim();
  if (person) return VOWEL.test(trimmed) ? `d’${trimmed}` : `de ${trimmed}`;
  if (/^le\s/i.test(trimmed)) return `du ${trimmed.slice(3)}`;
  if (/^les\s/i.test(trimmed)) return `des ${trimmed.slice(4)}`;
  return VOWEL.test(trimmed) ? `d’${trimmed}` : `de ${trimmed}`;
}
