/**
 * Phone numbers entered by structures, checked with libphonenumber-js (full metadata, so a number
 * must exist in the national numbering plan, not only have the right length).
 *
 * Storage format: the French national format, "05 53 12 34 56" (overseas "0262 12 34 56"), not E.164.
 * The people who read these numbers are mairie agents, referents and beneficiaries in France who dial
 * them from French phones and copy them into letters; the national format is the one printed on the
 * structures' own documents, and the one they recognise at a glance (a "06" is a mobile, a "0800" is
 * free). One canonical spelling also makes duplicates visible. E.164 is derived, never lost:
 * `phoneToE164` gives it for `tel:` links and for exports that prefer it (d·i "de préférence E.164").
 * Numbers from abroad are stored in international format ("+32 2 555 12 34"); short service numbers
 * (115, 3939, 116 006) as their digits, since they are only valid dialled from France.
 */
import { parsePhoneNumberFromString, type CountryCode, type PhoneNumber } from 'libphonenumber-js/max';

export type PhoneCheck = { ok: true; value: string; e164: string | null } | { ok: false; message: string };

/** Metropolitan France first, then the overseas territories that share the leading 0 (0262, 0590...). */
const FRENCH_REGIONS: readonly CountryCode[] = ['FR', 'RE', 'GP', 'MQ', 'GF', 'YT', 'PM', 'BL', 'MF'];

/** 1x/11x emergency and social numbers (115: hébergement d'urgence), 116 xxx, 3xxx service numbers. */
const SHORT_NUMBER = /^(1\d{1,2}|116\d{3}|3\d{3})$/;

const ALLOWED = /^[+\d\s.\-()]+$/;

const HINT = '10 chiffres attendus pour un numéro français (ex. 05 53 12 34 56), ou un numéro international commençant par +';

function quoted(input: string): string {
  return `« ${input.length > 40 ? `${input.slice(0, 37)}…` : input} »`;
}

function isFrench(n: PhoneNumber): boolean {
  return n.country !== undefined && FRENCH_REGIONS.includes(n.country);
}

function parseValid(input: string): PhoneNumber | undefined {
  const international = input.startsWith('+') || input.startsWith('00');
  if (international) {
    const n = parsePhoneNumberFromString(input.startsWith('00') ? `+${input.slice(2)}` : input);
    return n?.isValid() ? n : undefined;
  }
  for (const region of FRENCH_REGIONS) {
    const n = parsePhoneNumberFromString(input, region);
    if (n?.isValid()) return n;
  }
  return undefined;
}

/** Checks a phone number and gives its stored form (see the header for why national). */
export function normalizePhone(raw: string): PhoneCheck {
  const input = raw.trim();
  if (!input) return { ok: false, message: 'Numéro de téléphone vide' };
  if (!ALLOWED.test(input)) {
    return { ok: false, message: `Numéro de téléphone invalide ${quoted(input)} : seulement des chiffres, espaces, points ou tirets` };
  }
  const digits = input.replace(/[\s.\-()]/g, '');
  if (SHORT_NUMBER.test(digits)) return { ok: true, value: digits, e164: null };
  const n = parseValid(digits);
  if (!n) return { ok: false, message: `Numéro de téléphone invalide ${quoted(input)} : ${HINT}` };
  return { ok: true, value: isFrench(n) ? n.formatNational() : n.formatInternational(), e164: n.number };
}

/** E.164 of a stored number ("+33553123456"), or null for short numbers and unreadable values. */
export function phoneToE164(stored: string): string | null {
  const checked = normalizePhone(stored);
  return checked.ok ? checked.e164 : null;
}
