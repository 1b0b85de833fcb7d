import { describe, expect, it } from 'vitest';
import {
  isZaloWebhookEvent,
  parseZaloChoicePayload,
  zaloChoicePayload,
  zaloEventToInbound,
} from '../../bots/zalo/to-inbound.js';
import type { ZaloWebhookEvent } from '../../bots/zalo/types.js';
import { zaloFollowEvent, zaloImageEvent, zaloLocationEvent, zaloTextEvent } from '../fakes/fake-zalo.js';

const USER = '8309123456789012345';
const TS = 1751100041636;
const ISO = new Date(TS).toISOString();

/** Builders return plain objects; the webhook layer parses JSON the same way. */
const asEvent = (value: object) => JSON.parse(JSON.stringify(value)) as ZaloWebhookEvent;

describe('zaloEventToInbound', () => {
  it('text → text, with msg_id and the timestamp as ISO', () => {
    const inbound = zaloEventToInbound(asEvent(zaloTextEvent(USER, 'Có tờ rơi', 'abc123', { timestamp: TS })));
    expect(inbound).toEqual({
      channel: 'zalo',
      userId: USER,
      messageId: 'abc123',
      sentAt: ISO,
      content: { kind: 'text', text: 'Có tờ rơi' },
    });
  });

  it('a button payload `#c:<value>` → choice; other text stays text', () => {
    expect(zaloEventToInbound(asEvent(zaloTextEvent(USER, '#c:send')))?.content).toEqual({ kind: 'choice', value: 'send' });
    expect(zaloEventToInbound(asEvent(zaloTextEvent(USER, zaloChoicePayload('case_42'))))?.content).toEqual({
      kind: 'choice',
      value: 'case_42',
    });
    expect(zaloEventToInbound(asEvent(zaloTextEvent(USER, '#c: send')))?.content.kind).toBe('text');
    expect(zaloEventToInbound(asEvent(zaloTextEvent(USER, 'tôi chọn #c:send')))?.content.kind).toBe('text');
    expect(zaloEventToInbound(asEvent(zaloTextEvent(USER, `#c:${'x'.repeat(21)}`)))?.content.kind).toBe('text');
  });

  it('image → photo with the URL as ref and the text as caption', () => {
    const url = 'https://photo-stal-1.zdn.vn/abc.jpg';
    const withCaption = zaloEventToInbound(asEvent(zaloImageEvent(USER, url, { caption: 'Cột điện số 12', msgId: 'img1' })));
    expect(withCaption).toMatchObject({ messageId: 'img1', content: { kind: 'photo', ref: url, caption: 'Cột điện số 12' } });
    const bare = zaloEventToInbound(asEvent(zaloImageEvent(USER, url)));
    expect(bare?.content).toEqual({ kind: 'photo', ref: url });
  });

  it('location → numbers parsed from strings, text as place name (the captured payload)', () => {
    const captured = asEvent({
      event_name: 'user_send_location',
      app_id: '1027394857261038475',
      sender: { id: USER },
      recipient: { id: '1423987654321098765' },
      message: {
        attachments: [{ payload: { coordinates: { latitude: '10.7923119', longitude: '106.7820651' } }, type: 'location' }],
        text: 'Cơm Coffee New Sky',
        msg_id: 'b8de7d84fa1b3043690c',
      },
      timestamp: '1751100041636',
      user_id_by_app: '9309123456789012345',
    });
    expect(zaloEventToInbound(captured)).toEqual({
      channel: 'zalo',
      userId: USER,
      messageId: 'b8de7d84fa1b3043690c',
      sentAt: ISO,
      content: { kind: 'location', latitude: 10.7923119, longitude: 106.7820651, placeName: 'Cơm Coffee New Sky' },
    });
    const noName = zaloEventToInbound(asEvent(zaloLocationEvent(USER, 20.8449, 106.6881)));
    expect(noName?.content).toEqual({ kind: 'location', latitude: 20.8449, longitude: 106.6881 });
  });

  it('garbled coordinates → unsupported, not dropped', () => {
    const event = asEvent(zaloLocationEvent(USER, 'abc', '106.7'));
    expect(zaloEventToInbound(event)?.content).toEqual({ kind: 'unsupported', what: 'malformed:user_send_location' });
  });

  it('follow → follow with a derived message id', () => {
    const inbound = zaloEventToInbound(asEvent(zaloFollowEvent(USER, { timestamp: TS })));
    expect(inbound).toEqual({
      channel: 'zalo',
      userId: USER,
      messageId: `follow-${USER}-${TS}`,
      sentAt: ISO,
      content: { kind: 'follow' },
    });
  });

  it('sticker, file, gif, audio, video, link → unsupported', () => {
    const base = { app_id: '1', timestamp: String(TS), sender: { id: USER }, recipient: { id: '2' } };
    const cases: Array<[string, string, object]> = [
      ['user_send_sticker', 'sticker', { type: 'sticker', payload: { id: 's1', url: 'https://s/1' } }],
      ['user_send_file', 'file', { type: 'file', payload: { url: 'u', size: '10', name: 'a.pdf', checksum: 'c', type: 'pdf' } }],
      ['user_send_gif', 'gif', { type: 'gif', payload: { url: 'u' } }],
      ['user_send_audio', 'audio', { type: 'audio', payload: { url: 'u' } }],
      ['user_send_video', 'video', { type: 'video', payload: { url: 'u' } }],
      ['user_send_link', 'link', { type: 'link', payload: { url: 'u' } }],
    ];
    for (const [eventName, what, attachment] of cases) {
      const event = asEvent({ ...base, event_name: eventName, message: { msg_id: `m-${what}`, attachments: [attachment] } });
      expect(zaloEventToInbound(event)).toMatchObject({ messageId: `m-${what}`, content: { kind: 'unsupported', what } });
    }
  });

  it('user_submit_info → contact', () => {
    const event = asEvent({
      event_name: 'user_submit_info',
      app_id: '1',
      timestamp: String(TS),
      sender: { id: USER },
      recipient: { id: '2' },
      info: { name: 'Trần Thị B', phone: '84912345678', address: '', ward: '', district: '', city: '' },
    });
    const inbound = zaloEventToInbound(event);
    expect(inbound?.content).toEqual({ kind: 'contact', phone: '84912345678', name: 'Trần Thị B' });
    expect(inbound?.messageId).toMatch(/^zalo-[0-9a-f]{64}$/);
  });

  it('echoes, receipts, unfollow and unknown events → null', () => {
    const base = { app_id: '1', timestamp: String(TS), sender: { id: '2' }, recipient: { id: USER } };
    for (const eventName of ['oa_send_text', 'oa_send_image', 'user_seen_message', 'user_received_message', 'shop_has_order']) {
      expect(zaloEventToInbound(asEvent({ ...base, event_name: eventName, message: { msg_id: 'x', msg_ids: ['x'] } }))).toBeNull();
    }
    expect(zaloEventToInbound(asEvent({ ...zaloFollowEvent(USER), event_name: 'unfollow' }))).toBeNull();
  });

  it('without msg_id the message id is a hash of the whole event, stable across key order', () => {
    const a = asEvent({ event_name: 'user_send_text', app_id: '1', timestamp: String(TS), sender: { id: USER }, recipient: { id: '2' }, message: { text: 'hi' } });
    const b = asEvent({ message: { text: 'hi' }, recipient: { id: '2' }, sender: { id: USER }, timestamp: String(TS), app_id: '1', event_name: 'user_send_text' });
    const c = asEvent({ event_name: 'user_send_text', app_id: '1', timestamp: String(TS + 1), sender: { id: USER }, recipient: { id: '2' }, message: { text: 'hi' } });
    const idA = zaloEventToInbound(a)?.messageId;
    expect(idA).toMatch(/^zalo-[0-9a-f]{64}$/);
    expect(zaloEventToInbound(b)?.messageId).toBe(idA);
    expect(zaloEventToInbound(c)?.messageId).not.toBe(idA);
  });

  it('a garbled timestamp falls back to now rather than losing the message', () => {
    const event = asEvent({ ...zaloTextEvent(USER, 'x'), timestamp: 'yesterday' });
    const sentAt = Date.parse(zaloEventToInbound(event)?.sentAt ?? '');
    expect(Math.abs(sentAt - Date.now())).toBeLessThan(5000);
  });

  it('an event without a sender → null', () => {
    expect(zaloEventToInbound(asEvent({ event_name: 'user_send_text', app_id: '1', timestamp: '1', message: { msg_id: 'm', text: 'x' } }))).toBeNull();
  });
});

describe('payload helpers', () => {
  it('round-trips a choice value', () => {
    expect(parseZaloChoicePayload(zaloChoicePayload('yes'))).toBe('yes');
    expect(parseZaloChoicePayload('yes')).toBeUndefined();
  });

  it('isZaloWebhookEvent wants an object with a string event_name', () => {
    expect(isZaloWebhookEvent({ event_name: 'follow' })).toBe(true);
    expect(isZaloWebhookEvent({})).toBe(false);
    expect(isZaloWebhookEvent(null)).toBe(false);
    expect(isZaloWebhookEvent('user_send_text')).toBe(false);
  });
});
