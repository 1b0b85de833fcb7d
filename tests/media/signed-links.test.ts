import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEDIA_LINK_SECRET_NAME, mediaLinkSecret, signMediaPath, verifyMediaLink } from '../../src/media/signed-links.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const SHA = 'ab'.repeat(32);
const OTHER = 'cd'.repeat(32);
const SECRET = 'test-media-link-secret';
const NOW = new Date('2026-11-22T08:00:00+07:00');
const IN_AN_HOUR = new Date(NOW.getTime() + 3600_000);

/** The parts of a signed path, as a route would see them. */
function parts(path: string) {
  const url = new URL(path, 'http://x');
  return { sha256: url.pathname.split('/')[2], exp: url.searchParams.get('exp') ?? undefined, sig: url.searchParams.get('sig') ?? undefined };
}

describe('signMediaPath / verifyMediaLink', () => {
  it('signs /media/<sha256>?exp=<unix>&sig=<base64url> and verifies it', () => {
    const path = signMediaPath(SHA, IN_AN_HOUR, SECRET);
    expect(path).toMatch(new RegExp(`^/media/${SHA}\\?exp=${Math.floor(IN_AN_HOUR.getTime() / 1000)}&sig=[A-Za-z0-9_-]{43}$`));
    const { sha256, exp, sig } = parts(path);
    expect(verifyMediaLink(sha256, exp, sig, SECRET, NOW)).toBe(true);
    // Signing is deterministic: the same photo and expiry give the same link.
    expect(signMediaPath(SHA, IN_AN_HOUR, SECRET)).toBe(path);
  });

  it('refuses an expired link (at and after its expiry)', () => {
    const { sha256, exp, sig } = parts(signMediaPath(SHA, IN_AN_HOUR, SECRET));
    expect(verifyMediaLink(sha256, exp, sig, SECRET, new Date(IN_AN_HOUR.getTime() - 1000))).toBe(true);
    expect(verifyMediaLink(sha256, exp, sig, SECRET, IN_AN_HOUR)).toBe(false);
    expect(verifyMediaLink(sha256, exp, sig, SECRET, new Date(IN_AN_HOUR.getTime() + 86_400_000))).toBe(false);
  });

  it('refuses a tampered link: other photo, later expiry, altered signature, other secret', () => {
    const { sha256, exp, sig } = parts(signMediaPath(SHA, IN_AN_HOUR, SECRET));
    expect(verifyMediaLink(OTHER, exp, sig, SECRET, NOW)).toBe(false);
    expect(verifyMediaLink(sha256, String(Number(exp) + 3600), sig, SECRET, NOW)).toBe(false);
    const flipped = sig!.slice(0, -1) + (sig!.endsWith('A') ? 'B' : 'A');
    expect(verifyMediaLink(sha256, exp, flipped, SECRET, NOW)).toBe(false);
    expect(verifyMediaLink(sha256, exp, sig, 'another-secret', NOW)).toBe(false);
  });

  it('refuses malformed parts without throwing', () => {
    const { sha256, exp, sig } = parts(signMediaPath(SHA, IN_AN_HOUR, SECRET));
    expect(verifyMediaLink(sha256, undefined, sig, SECRET, NOW)).toBe(false);
    expect(verifyMediaLink(sha256, exp, undefined, SECRET, NOW)).toBe(false);
    expect(verifyMediaLink(sha256, [exp, exp], sig, SECRET, NOW)).toBe(false);
    expect(verifyMediaLink(sha256, `${exp}.5`, sig, SECRET, NOW)).toBe(false);
    expect(verifyMediaLink(sha256, exp, `${sig}=`, SECRET, NOW)).toBe(false);
    expect(verifyMediaLink(sha256.toUpperCase(), exp, sig, SECRET, NOW)).toBe(false);
    expect(verifyMediaLink('../etc/passwd', exp, sig, SECRET, NOW)).toBe(false);
  });

  it('takes a numeric expiry as well as the query string', () => {
    const { sha256, exp, sig } = parts(signMediaPath(SHA, IN_AN_HOUR, SECRET));
    expect(verifyMediaLink(sha256, Number(exp), sig, SECRET, NOW)).toBe(true);
  });

  it('will not sign a non-id or an invalid date', () => {
    expect(() => signMediaPath('x', IN_AN_HOUR, SECRET)).toThrow(RangeError);
    expect(() => signMediaPath(SHA, new Date(Number.NaN), SECRET)).toThrow(RangeError);
  });
});

describe('mediaLinkSecret', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  it('uses MEDIA_LINK_SECRET when configured, storing nothing', async () => {
    expect(await mediaLinkSecret(database.db, 'configured-secret')).toBe('configured-secret');
    expect(await database.db.selectFrom('app_secrets').selectAll().execute()).toEqual([]);
  });

  it('otherwise generates one secret once, and every caller (even at the same instant) gets the same', async () => {
    const secrets = await Promise.all(Array.from({ length: 8 }, () => mediaLinkSecret(database.db)));
    expect(new Set(secrets).size).toBe(1);
    expect(secrets[0]).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await mediaLinkSecret(database.db)).toBe(secrets[0]);
    const rows = await database.db.selectFrom('app_secrets').selectAll().execute();
    expect(rows).toEqual([{ name: MEDIA_LINK_SECRET_NAME, value: secrets[0] }]);
  });
});
