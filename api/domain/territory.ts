/** Territory codes (COG). Pure helpers shared by API, seed and search. */

/** Département code of a commune INSEE code: 2 characters, 3 overseas (97x), 2A/2B in Corsica. */
export function departementOfCommune(code: string): string {
  return code.startsWith('97') ? code.slice(0, 3) : code.slice(0, 2);
}

export type ZoneCodeKind = 'commune' | 'epci' | 'departement' | 'pays' | 'france';

/** Kind of a d·i zone_eligibilite code, or null when the code has none of the accepted formats. */
export function zoneCodeKind(code: string): ZoneCodeKind | null {
  if (code === 'france') return 'france';
  if (/^99[0-5]\d{2}$/.test(code)) return 'pays';
  if (/^\d{9}$/.test(code)) return 'epci';
  if (/^\w{5}$/.test(code)) return 'commune';
  if (/^\w{2,3}$/.test(code)) return 'departement';
  return null;
}

/** Codes a commune is covered by in a zone: itself, its EPCI, its département, "france" (and 99100, the France country code). */
export function zoneCodesOfCommune(commune: { code: string; epci_code: string | null; departement_code: string }): string[] {
  const codes = [commune.code, commune.departement_code, 'france', '99100'];
  if (commune.epci_code) codes.push(commune.epci_code);
  return codes;
}

/**
 * What search and match say when the person's commune has no known centre (a commune of the COG
 * missing from the centres data): no distance can be worked out. Match then keeps, on site, only
 * the offers placed in the commune itself; search lists what is eligible there, whatever the distance.
 */
export function noCentreNotice(commune: { code: string; name: string }, answer: 'search' | 'match'): string {
  const consequence =
    answer === 'match'
      ? 'seules les offres à distance, itinérantes ou situées dans la commune sont proposées'
      : 'les offres ouvertes à ses habitants sont listées sans tenir compte de la distance';
  return `La commune ${commune.name} (${commune.code}) n’a pas de centre connu : les distances ne peuvent pas être calculées, ${consequence}. Choisissez une commune voisine pour voir les offres sur place alentour.`;
}
