/**
 * Password hashing: PBKDF2-SHA256 through WebCrypto with a 16-byte random salt per hash.
 * The iteration count is stored with each hash so it can be raised later: verification replays the
 * stored count, and login re-hashes a password whose count is below the current one.
 */
import { z } from 'zod';
import { base64, constantTimeEqual, fromBase64 } from './tokens.ts';

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. Tests may pass fewer iterations, for speed only. */
export const PASSWORD_ITERATIONS = 600_000;
export const MIN_PASSWORD_LENGTH = 12;
const MAX_PASSWORD_LENGTH = 200;
const SALT_BYTES = 16;
const KEY_BITS = 256;

export interface PasswordHash {
  hash: string;
  salt: string;
  iterations: number;
}

/** Length counted in characters (code points), not UTF-16 units, so "é" or an emoji counts once. */
export const passwordSchema = z
  .string({ error: 'Mot de passe attendu' })
  .refine((value) => [...value].length >= MIN_PASSWORD_LENGTH, {
    message: `Le mot de passe doit contenir au moins ${MIN_PASSWORD_LENGTH} caractères.`,
  })
  .refine((value) => [...value].length <= MAX_PASSWORD_LENGTH, {
    message: `Le mot de passe ne doit pas dépasser ${MAX_PASSWORD_LENGTH} caractères.`,
  });

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations }, key, KEY_BITS);
  return new Uint8Array(bits);
}

export async function hashPassword(password: string, iterations: number): Promise<PasswordHash> {
  if (!Number.isInteger(iterations) || iterations < 1) throw new Error(`Invalid PBKDF2 iteration count: ${iterations}`);
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  return { hash: base64(await derive(password, salt, iterations)), salt: base64(salt), iterations };
}

export async function verifyPassword(password: string, stored: PasswordHash): Promise<boolean> {
  const expected = fromBase64(stored.hash);
  const actual = await derive(password, fromBase64(stored.salt), stored.iterations);
  return constantTimeEqual(actual, expected);
}

/**
 * Spends the same time as checking a real password, for logins with an unknown email: the answer's
 * delay must not tell whether an account exists.
 */
export async function simulatePasswordCheck(password: string, iterations: number): Promise<void> {
  await derive(password, new Uint8Array(SALT_BYTES), iterations);
}
