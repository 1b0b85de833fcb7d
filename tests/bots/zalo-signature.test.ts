import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { computeZaloSignature, verifyZaloSignature } from '../../bots/zalo/signature.js';
import { signZaloEvent, zaloTextEvent } from '../fakes/fake-zalo.js';

const KEY = 'oa-secret-key-from-webhook-settings';
const APP_ID = '1027394857261038475';
const TIMESTAMP = '1751100041636';
const BODY = `{"app_id":"${APP_ID}","event_name":"user_send_text","message":{"msg_id":"b8de7d84fa1b3043690c","text":"Có tờ rơi ở cột điện"},"sender":{"id":"8309123456789012345"},"recipient":{"id":"1423987654321098765"},"timestamp":"${TIMESTAMP}"}`;

/** The formula, by hand: plain SHA-256 of app_id + raw body + timestamp + OA secret key. */
const EXPECTED = createHash('sha256')
  .update(Buffer.concat([Buffer.from(APP_ID), Buffer.from(BODY, 'utf8'), Buffer.from(TIMESTAMP), Buffer.from(KEY)]))
  .digest('hex');

describe('computeZaloSignature', () => {
  it('matches the formula computed by hand, for a string and a Buffer body', () => {
    expect(computeZaloSignature(APP_ID, BODY, TIMESTAMP, KEY)).toBe(EXPECTED);
    expect(computeZaloSignature(APP_ID, Buffer.from(BODY), TIMESTAMP, KEY)).toBe(EXPECTED);
  });

  it('is not an HMAC', () => {
    expect(EXPECTED).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('verifyZaloSignature', () => {
  const raw = Buffer.from(BODY, 'utf8');

  it('accepts the right mac, in lower or upper case', () => {
    expect(verifyZaloSignature(`mac=${EXPECTED}`, raw, KEY)).toBe(true);
    expect(verifyZaloSignature(`mac=${EXPECTED.toUpperCase()}`, raw, KEY)).toBe(true);
  });

  it('refuses a tampered body', () => {
    const tampered = Buffer.from(BODY.replace('cột điện', 'cột đèn'), 'utf8');
    expect(verifyZaloSignature(`mac=${EXPECTED}`, tampered, KEY)).toBe(false);
  });

  it('refuses the same body re-serialised (the raw bytes are signed)', () => {
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(BODY), null, 1));
    expect(verifyZaloSignature(`mac=${EXPECTED}`, reserialised, KEY)).toBe(false);
  });

  it('refuses a wrong key (e.g. the App Secret instead of the OA Secret Key)', () => {
    expect(verifyZaloSignature(`mac=${EXPECTED}`, raw, 'app-secret')).toBe(false);
    expect(verifyZaloSignature(`mac=${EXPECTED}`, raw, '')).toBe(false);
  });

  it('refuses missing and garbled headers', () => {
    for (const header of [undefined, '', 'mac=', EXPECTED, `sha256=${EXPECTED}`, `mac=${EXPECTED.slice(0, 63)}`, `mac=${EXPECTED}00`, `mac=${'z'.repeat(64)}`]) {
      expect(verifyZaloSignature(header, raw, KEY)).toBe(false);
    }
  });

  it('refuses unparsable bodies and bodies without a timestamp', () => {
    expect(verifyZaloSignature(`mac=${EXPECTED}`, Buffer.from('not json'), KEY)).toBe(false);
    const noTimestamp = `{"app_id":"${APP_ID}"}`;
    const mac = computeZaloSignature(APP_ID, noTimestamp, '', KEY);
    expect(verifyZaloSignature(`mac=${mac}`, Buffer.from(noTimestamp), KEY)).toBe(false);
  });

  it('uses the fallback app id when the body has none', () => {
    const body = `{"event_name":"follow","timestamp":"${TIMESTAMP}"}`;
    const mac = computeZaloSignature(APP_ID, body, TIMESTAMP, KEY);
    expect(verifyZaloSignature(`mac=${mac}`, Buffer.from(body), KEY)).toBe(false);
    expect(verifyZaloSignature(`mac=${mac}`, Buffer.from(body), KEY, APP_ID)).toBe(true);
  });

  it("accepts what the fake's signZaloEvent produces (the two were written independently)", () => {
    const signed = signZaloEvent(zaloTextEvent('8309123456789012345', 'Báo cáo quảng cáo'), { oaSecretKey: KEY });
    expect(verifyZaloSignature(signed.headers['x-zevent-signature'], Buffer.from(signed.body), KEY)).toBe(true);
    expect(verifyZaloSignature(signed.headers['x-zevent-signature'], Buffer.from(signed.body), 'other')).toBe(false);
  });
});
