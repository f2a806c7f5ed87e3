import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const SCRYPT = { N: 16384, r: 8, p: 1, keylen: 32 } as const;

function scryptAsync(password: string, salt: Buffer, keylen: number, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password, salt, keylen, opts, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** scrypt (memory-hard) with a random salt, in a self-describing string. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const { N, r, p, keylen } = SCRYPT;
  const key = await scryptAsync(password, salt, keylen, { N, r, p });
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  // Hash something even without a stored hash so that timing does not reveal whether a user exists.
  const parts = (stored ?? DUMMY_HASH).split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, N, r, p, salt, key] = parts;
  const expected = Buffer.from(key, 'base64url');
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(N),
    r: Number(r),
    p: Number(p),
  });
  return stored !== null && timingSafeEqual(actual, expected);
}

const DUMMY_HASH = `scrypt$16384$8$1$${Buffer.alloc(16).toString('base64url')}$${Buffer.alloc(32).toString('base64url')}`;

/** A random token for links, sessions and API keys; only its SHA-256 is stored. */
export function newToken(prefix = ''): string {
  return prefix + randomBytes(24).toString('base64url');
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

const presented = new Map<string, string>();
/** Tokens remembered at most; past it the memo starts afresh (random guesses cannot grow it). */
const PRESENTED_MAX = 10_000;

/**
 * The SHA-256 of a token a client presents with every request (an API key, a session cookie): remembered,
 * because an integrator on a hot path sends the same key thousands of times a second and the rate limiter
 * and the key lookup both need its hash.
 */
export function presentedTokenHash(token: string): string {
  let hash = presented.get(token);
  if (hash === undefined) {
    hash = sha256(token);
    if (presented.size >= PRESENTED_MAX) presented.clear();
    presented.set(token, hash);
  }
  return hash;
}
