/** Opening hours: OSM syntax checked by the opening_hours package, read back in plain French. */
import { describe, expect, it } from 'vitest';
import { checkOpeningHours, describeOpeningHours, isOpenAt, timeZoneOfDepartement } from '../../api/domain/opening-hours.ts';

describe('checking opening hours', () => {
  it('accepts the OSM syntax and stores its normalised spelling', () => {
    expect(checkOpeningHours('mo-fr 9:00-12:00,14:00-17:00')).toEqual({ ok: true, value: 'Mo-Fr 09:00-12:00,14:00-17:00', warnings: [] });
    expect(checkOpeningHours('Mo-Fr 08:30-12:30; PH off')).toMatchObject({ ok: true, value: 'Mo-Fr 08:30-12:30; PH off' });
  });

  it('understands hours typed the French way and stores them in OSM syntax, saying what it corrected', () => {
    const r = checkOpeningHours('lundi-vendredi 9h-12h');
    expect(r).toMatchObject({ ok: true, value: 'Mo-Fr 09:00-12:00' });
    if (!r.ok) return;
    expect(r.warnings.join(' ')).toContain('Veuillez utiliser l\'abréviation anglaise "Mo" pour "lundi"');
  });

  it('explains in French what cannot be read', () => {
    const r = checkOpeningHours('lundi 9h');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toMatch(/^Horaires illisibles \(format OpenStreetMap attendu, par exemple « Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00 »\) : /);
    expect(r.message).toContain('Caractère inattendu');
  });

  it('refuses impossible times and empty values', () => {
    expect(checkOpeningHours('Mo-Fr 25:00-26:00').ok).toBe(false);
    expect(checkOpeningHours('   ')).toEqual({ ok: false, message: expect.stringMatching(/^Horaires vides/) });
  });

  it('asks for dates instead of school holidays when the région is unknown, accepts them with it', () => {
    const r = checkOpeningHours('SH off; Mo-Fr 09:00-12:00');
    expect(r).toEqual({ ok: false, message: expect.stringContaining('les vacances scolaires (SH) ne sont connues que pour une région') });
    expect(r.ok || r.message).not.toContain('github');
    expect(checkOpeningHours('SH off; Mo-Fr 09:00-12:00', { region: 'Nouvelle-Aquitaine' }).ok).toBe(true);
  });
});

describe('describing opening hours in French', () => {
  it('reads a usual week the way a reception desk would say it', () => {
    expect(describeOpeningHours('Mo-Fr 09:00-12:00,14:00-17:00')).toBe('lundi au vendredi 9 h – 12 h, 14 h – 17 h');
    expect(describeOpeningHours('Mo-Fr 08:30-12:00,13:30-18:00; Sa 09:00-12:00')).toBe(
      'lundi au vendredi 8 h 30 – 12 h, 13 h 30 – 18 h ; samedi 9 h – 12 h',
    );
  });

  it('groups days with the same hours even when they are not consecutive', () => {
    expect(describeOpeningHours('Mo,We,Fr 08:30-12:30; Tu,Th 08:30-12:30,13:30-16:30')).toBe(
      'lundi, mercredi et vendredi 8 h 30 – 12 h 30 ; mardi et jeudi 8 h 30 – 12 h 30, 13 h 30 – 16 h 30',
    );
    expect(describeOpeningHours('Mo-We,Fr 09:00-12:00')).toBe('lundi au mercredi et vendredi 9 h – 12 h');
  });

  it('says "tous les jours", "fermé", public holidays and comments', () => {
    expect(describeOpeningHours('24/7')).toBe('tous les jours 24 h sur 24');
    expect(describeOpeningHours('off')).toBe('fermé');
    expect(describeOpeningHours('Mo-Fr 08:30-12:30; PH off')).toBe('lundi au vendredi 8 h 30 – 12 h 30 ; fermé les jours fériés');
    expect(describeOpeningHours('Tu 09:00-12:00 "sur rendez-vous"')).toBe('mardi 9 h – 12 h (sur rendez-vous)');
    expect(describeOpeningHours('Mo-Fr "sur rendez-vous"')).toBe('lundi au vendredi sur rendez-vous');
  });

  it('warns when hours change with the weeks', () => {
    expect(describeOpeningHours('week 01-53/2 Mo 09:00-12:00')).toMatch(/selon les semaines ou la période de l’année\)$/);
  });

  it('gives null for a value that cannot be read', () => {
    expect(describeOpeningHours('lundi 9h')).toBeNull();
  });
});

describe('open at a given moment', () => {
  const hours = 'Mo-Fr 09:00-12:00,14:00-17:00; PH off';

  it('uses the wall clock of Paris whatever the server time zone', () => {
    // Tuesday 16 June 2026, 10:30 in Paris (UTC+2) = 08:30 UTC.
    expect(isOpenAt(hours, new Date('2026-06-16T08:30:00Z'))).toBe(true);
    // 12:30 in Paris: lunch break.
    expect(isOpenAt(hours, new Date('2026-06-16T10:30:00Z'))).toBe(false);
    // 07:30 UTC in January = 08:30 in Paris (UTC+1): not yet open.
    expect(isOpenAt(hours, new Date('2026-01-13T07:30:00Z'))).toBe(false);
    expect(isOpenAt(hours, new Date('2026-01-13T08:30:00Z'))).toBe(true);
  });

  it('knows French public holidays', () => {
    // Thursday 14 July 2026, 10:00 in Paris.
    expect(isOpenAt(hours, new Date('2026-07-14T08:00:00Z'))).toBe(false);
  });

  it('uses the overseas wall clock when asked', () => {
    expect(timeZoneOfDepartement('974')).toBe('Indian/Reunion');
    expect(timeZoneOfDepartement('47')).toBe('Europe/Paris');
    // 05:30 UTC = 09:30 in La Réunion (UTC+4), 07:30 in Paris.
    const at = new Date('2026-06-16T05:30:00Z');
    expect(isOpenAt(hours, at, { timeZone: timeZoneOfDepartement('974') })).toBe(true);
    expect(isOpenAt(hours, at)).toBe(false);
  });

  it('cannot tell for comment-only rules or invalid values', () => {
    expect(isOpenAt('Mo-Fr "sur rendez-vous"', new Date('2026-06-16T08:30:00Z'))).toBeNull();
    expect(isOpenAt('lundi 9h', new Date('2026-06-16T08:30:00Z'))).toBeNull();
  });
});
