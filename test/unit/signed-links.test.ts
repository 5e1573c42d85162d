/** Signed links: HMAC over (purpose, subject, expiry) with a server key; nothing stored. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLink, signLink, LINK_TTL_DAYS } from '../../api/auth/signed-links.ts';
import { loadConfig } from '../../api/config.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';

const T0 = new Date('2026-06-15T10:00:00Z');
const DAY = 86_400_000;
let t: TestDb;

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

const deps = (at: Date, secret: string | null = null) => ({ db: t.db, config: { ...loadConfig({}), sessionSecret: secret }, clock: () => at });

describe('signed links', () => {
  it('are valid for their purpose and subject until their expiry, then expired', async () => {
    const { token, expiresAt } = await signLink(deps(T0), 'orientation-answer', 'o-1');
    expect(expiresAt).toBe(new Date(T0.getTime() + LINK_TTL_DAYS['orientation-answer'] * DAY).toISOString());
    expect(await checkLink(deps(T0), 'orientation-answer', 'o-1', token)).toBe('valid');
    expect(await checkLink(deps(new Date(T0.getTime() + 8 * DAY - 1000)), 'orientation-answer', 'o-1', token)).toBe('valid');
    expect(await checkLink(deps(new Date(T0.getTime() + 8 * DAY)), 'orientation-answer', 'o-1', token)).toBe('expired');
  });

  it('are invalid for another subject, another purpose, a changed expiry or signature, or another key', async () => {
    const { token } = await signLink(deps(T0), 'orientation-answer', 'o-1');
    const [expiry, signature] = token.split('.') as [string, string];
    expect(await checkLink(deps(T0), 'orientation-answer', 'o-2', token)).toBe('invalid');
    expect(await checkLink(deps(T0), 'offer-confirm', 'o-1', token)).toBe('invalid');
    expect(await checkLink(deps(T0), 'orientation-answer', 'o-1', `${Number(expiry) + 1}.${signature}`)).toBe('invalid');
    expect(await checkLink(deps(T0), 'orientation-answer', 'o-1', `${expiry}.${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`)).toBe('invalid');
    expect(await checkLink(deps(T0), 'orientation-answer', 'o-1', 'n’importe quoi')).toBe('invalid');
    // SESSION_SECRET, when set, is the key: links signed with the generated key no longer hold.
    expect(await checkLink(deps(T0, 'un secret de production'), 'orientation-answer', 'o-1', token)).toBe('invalid');
    const withSecret = await signLink(deps(T0, 'un secret de production'), 'orientation-answer', 'o-1');
    expect(await checkLink(deps(T0, 'un secret de production'), 'orientation-answer', 'o-1', withSecret.token)).toBe('valid');
  });

  it('store nothing: the generated key is the only row they need', async () => {
    await signLink(deps(T0), 'offer-confirm', 'x');
    const secrets = await t.db.selectFrom('server_secrets').select('name').execute();
    expect(secrets.map((s) => s.name)).toEqual(['signed-links-key']);
  });
});
