/** Phone numbers as structures type them, stored in the French national format (see api/domain/phone.ts). */
import { describe, expect, it } from 'vitest';
import { normalizePhone, phoneToE164 } from '../../api/domain/phone.ts';

function stored(input: string): string {
  const r = normalizePhone(input);
  if (!r.ok) throw new Error(r.message);
  return r.value;
}

describe('phone numbers', () => {
  it('stores every spelling of a French number as "05 53 12 34 56"', () => {
    for (const input of ['0553123456', '05.53.12.34.56', '05-53-12-34-56', ' 05 53 12 34 56 ', '+33 5 53 12 34 56', '+33553123456', '0033553123456']) {
      expect(stored(input)).toBe('05 53 12 34 56');
    }
  });

  it('keeps mobiles, free numbers and VoIP numbers recognisable', () => {
    expect(stored('0612345678')).toBe('06 12 34 56 78');
    expect(stored('0800001122')).toBe('0 800 00 11 22');
    expect(stored('0972723939')).toBe('09 72 72 39 39');
  });

  it('accepts overseas numbers with their own grouping', () => {
    expect(stored('0262123456')).toBe('0262 12 34 56');
    expect(stored('+262 262 12 34 56')).toBe('0262 12 34 56');
    expect(stored('0590 12 34 56')).toBe('0590 12 34 56');
    expect(phoneToE164('0262 12 34 56')).toBe('+262262123456');
  });

  it('keeps foreign numbers in international format', () => {
    expect(stored('+41 22 345 67 89')).toBe('+41 22 345 67 89');
    expect(phoneToE164('+41 22 345 67 89')).toBe('+41223456789');
  });

  it('keeps short service numbers (115, 3939, 116 006) as digits, without E.164', () => {
    expect(stored('115')).toBe('115');
    expect(stored('39 39')).toBe('3939');
    expect(stored('116 006')).toBe('116006');
    expect(phoneToE164('115')).toBeNull();
  });

  it('gives the E.164 form for tel: links and exports', () => {
    expect(phoneToE164('05 53 12 34 56')).toBe('+33553123456');
  });

  it('refuses numbers that do not exist, with a French message and an example', () => {
    for (const input of ['05 53', '05 53 12 34 56 78', '00 00 00 00 00', '12345']) {
      const r = normalizePhone(input);
      expect(r.ok, input).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/^Numéro de téléphone invalide « .+ » : 10 chiffres attendus pour un numéro français \(ex\. 05 53 12 34 56\)/);
    }
  });

  it('refuses text around the number instead of guessing', () => {
    const r = normalizePhone('Tél : 05 53 12 34 56');
    expect(r).toEqual({ ok: false, message: 'Numéro de téléphone invalide « Tél : 05 53 12 34 56 » : seulement des chiffres, espaces, points ou tirets' });
  });
});
