/** SIREN/SIRET check digits (INSEE): the Luhn key catches most typos before asking the SIRENE directory. */

/** SIREN of La Poste: its establishments outnumber what the Luhn key can number, INSEE uses another rule. */
const LA_POSTE_SIREN = '356000000';

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function isValidSiren(value: string): boolean {
  return /^\d{9}$/.test(value) && luhnValid(value);
}

/** 14 digits with a valid key (La Poste's establishments: the sum of the digits is a multiple of 5). */
export function isValidSiret(value: string): boolean {
  if (!/^\d{14}$/.test(value)) return false;
  if (value.startsWith(LA_POSTE_SIREN)) return [...value].reduce((s, c) => s + Number(c), 0) % 5 === 0;
  return luhnValid(value);
}

/** Spaces and dots people paste from letterheads ("123 456 789 00012") removed. */
export function compactSiret(value: string): string {
  return value.replace(/[\s.]/g, '');
}
