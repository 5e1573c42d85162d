/** Settings with their own parsing: ORIENTATION_RETENTION_DAYS, SMTP_URL, MAIL_FROM, TRUST_PROXY, HOST. */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../api/config.ts';

describe('configuration', () => {
  it('keeps the person’s details 180 days after closure unless ORIENTATION_RETENTION_DAYS says otherwise', () => {
    expect(loadConfig({}).orientationRetentionDays).toBe(180);
    expect(loadConfig({ ORIENTATION_RETENTION_DAYS: '30' }).orientationRetentionDays).toBe(30);
    for (const bad of ['0', '-1', '12.5', 'six mois', '99999']) expect(() => loadConfig({ ORIENTATION_RETENTION_DAYS: bad })).toThrow(/ORIENTATION_RETENTION_DAYS/);
  });

  it('sends through SMTP only when SMTP_URL is set, from a sender on the public host', () => {
    expect(loadConfig({}).smtpUrl).toBeNull();
    expect(loadConfig({ SMTP_URL: '  ' }).smtpUrl).toBeNull();
    expect(loadConfig({ SMTP_URL: 'smtp://relais:587' }).smtpUrl).toBe('smtp://relais:587');
    expect(loadConfig({ PUBLIC_BASE_URL: 'https://insertion.lotetgaronne.fr' }).mailFrom).toBe('"Offre locale d\'insertion" <ne-pas-repondre@insertion.lotetgaronne.fr>');
    expect(loadConfig({ MAIL_FROM: 'Service <service@cd47.fr>' }).mailFrom).toBe('Service <service@cd47.fr>');
  });

  it('trusts no proxy header unless TRUST_PROXY says which', () => {
    expect(loadConfig({}).trustProxy).toBe('none');
    expect(loadConfig({ TRUST_PROXY: 'none' }).trustProxy).toBe('none');
    expect(loadConfig({ TRUST_PROXY: 'cloudflare' }).trustProxy).toBe('cloudflare');
    expect(loadConfig({ TRUST_PROXY: 'x-forwarded-for' }).trustProxy).toEqual({ forwardedHops: 1 });
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toEqual({ forwardedHops: 2 });
    for (const bad of ['yes', 'true', '-1', '1.5', '11']) expect(() => loadConfig({ TRUST_PROXY: bad })).toThrow(/TRUST_PROXY/);
  });

  it('listens on this machine only unless HOST says otherwise, or in production', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(loadConfig({ NODE_ENV: 'production' }).host).toBe('0.0.0.0');
    expect(loadConfig({ NODE_ENV: 'production', HOST: '10.0.0.5' }).host).toBe('10.0.0.5');
  });
});
