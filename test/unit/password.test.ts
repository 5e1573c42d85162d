/** Password hashing: PBKDF2-SHA256 with a per-hash salt and stored iteration count; the policy's French messages. */
import { describe, expect, it } from 'vitest';
import { hashPassword, passwordSchema, PASSWORD_ITERATIONS, verifyPassword } from '../../api/auth/password.ts';
import { loadConfig } from '../../api/config.ts';
import { TEST_PASSWORD_ITERATIONS } from '../helpers/auth.ts';

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('correct cheval pile agrafe', TEST_PASSWORD_ITERATIONS);
    expect(await verifyPassword('correct cheval pile agrafe', stored)).toBe(true);
    expect(await verifyPassword('correct cheval pile agrafE', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('draws a fresh 16-byte salt for every hash, so equal passwords get different hashes', async () => {
    const a = await hashPassword('même mot de passe', TEST_PASSWORD_ITERATIONS);
    const b = await hashPassword('même mot de passe', TEST_PASSWORD_ITERATIONS);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
    expect(Buffer.from(a.salt, 'base64')).toHaveLength(16);
    expect(Buffer.from(a.hash, 'base64')).toHaveLength(32);
  });

  it('stores the iteration count with the hash and verifies with the stored count', async () => {
    const stored = await hashPassword('un mot de passe solide', 2_000);
    expect(stored.iterations).toBe(2_000);
    expect(await verifyPassword('un mot de passe solide', stored)).toBe(true);
    expect(await verifyPassword('un mot de passe solide', { ...stored, iterations: 2_001 })).toBe(false);
  });

  it('uses at least 600,000 iterations by default, in development and in production', async () => {
    expect(PASSWORD_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    expect(loadConfig({}).passwordIterations).toBeGreaterThanOrEqual(600_000);
    // The environment cannot lower it.
    expect(loadConfig({ NODE_ENV: 'production', PASSWORD_ITERATIONS: '1000' }).passwordIterations).toBeGreaterThanOrEqual(600_000);
    const stored = await hashPassword('un mot de passe solide', loadConfig({}).passwordIterations);
    expect(stored.iterations).toBeGreaterThanOrEqual(600_000);
    expect(await verifyPassword('un mot de passe solide', stored)).toBe(true);
  });

  it('derives the same key as an independent PBKDF2-SHA256 implementation', async () => {
    const { pbkdf2Sync } = await import('node:crypto');
    const stored = await hashPassword('vérification croisée', 1_234);
    const expected = pbkdf2Sync('vérification croisée', Buffer.from(stored.salt, 'base64'), 1_234, 32, 'sha256').toString('base64');
    expect(stored.hash).toBe(expected);
  });
});

describe('password policy', () => {
  it('requires at least 12 characters, counted as characters (not UTF-16 units), with a French message', () => {
    const short = passwordSchema.safeParse('onze-caract');
    expect(short.success).toBe(false);
    expect(short.error?.issues[0]?.message).toBe('Le mot de passe doit contenir au moins 12 caractères.');
    expect(passwordSchema.safeParse('douze-caract').success).toBe(true);
    // 11 emoji are 22 UTF-16 units but only 11 characters.
    expect(passwordSchema.safeParse('🔑'.repeat(11)).success).toBe(false);
    expect(passwordSchema.safeParse('🔑'.repeat(12)).success).toBe(true);
  });

  it('refuses absurdly long passwords', () => {
    expect(passwordSchema.safeParse('x'.repeat(201)).error?.issues[0]?.message).toMatch(/ne doit pas dépasser 200 caractères/);
  });
});
