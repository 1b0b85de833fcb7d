import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exchangeRefreshToken, ZaloClient } from '../../bots/zalo/client.js';
import type { ZaloTokenSource } from '../../bots/zalo/client.js';
import { ZaloApiError, ZaloHttpError, ZaloOAuthError } from '../../bots/zalo/errors.js';
import { startFakeZalo } from '../fakes/fake-zalo.js';
import type { FakeZalo } from '../fakes/fake-zalo.js';

/** The simplest honest token source: one process, tokens in memory, refresh through the OAuth endpoint. */
class MemoryTokenSource implements ZaloTokenSource {
  refreshes = 0;
  constructor(
    private accessToken: string,
    private refreshToken: string,
    private readonly oauth: { oauthBase: string; appId: string; appSecret: string },
  ) {}

  async current(): Promise<string> {
    return this.accessToken;
  }

  async refreshAfterRejection(rejected: string): Promise<string> {
    if (rejected !== this.accessToken) return this.accessToken;
    const pair = await exchangeRefreshToken({ ...this.oauth, refreshToken: this.refreshToken });
    this.refreshes += 1;
    this.accessToken = pair.accessToken;
    this.refreshToken = pair.refreshToken;
    return pair.accessToken;
  }
}

const USER = '8309123456789012345';

describe('ZaloClient against the fake Zalo', () => {
  let zalo: FakeZalo;
  let tokens: MemoryTokenSource;
  let client: ZaloClient;

  beforeEach(async () => {
    zalo = await startFakeZalo();
    const oauth = { oauthBase: zalo.oauthBase, appId: zalo.appId, appSecret: zalo.appSecret };
    tokens = new MemoryTokenSource(zalo.accessToken, zalo.refreshToken, oauth);
    client = new ZaloClient({ apiBase: zalo.apiBase, ...oauth, tokens, timeoutMs: 2000 });
  });

  afterEach(async () => {
    await zalo.close();
  });

  it('sends a text to /v3.0/oa/message/cs with the access_token header and returns the message id', async () => {
    const result = await client.sendText(USER, 'Đã nhận phản ánh của bạn. Mã: PA-0001');
    expect(result.messageId).toMatch(/^[0-9a-f]{20}$/);
    expect(zalo.sent).toEqual([
      expect.objectContaining({ endpoint: 'cs', userId: USER, text: 'Đã nhận phản ánh của bạn. Mã: PA-0001', messageId: result.messageId }),
    ]);
    const request = zalo.received[0];
    expect(request.path).toBe('/v3.0/oa/message/cs');
    expect(request.headers['access_token']).toBe(zalo.accessToken);
    expect(request.body).toEqual({ recipient: { user_id: USER }, message: { text: 'Đã nhận phản ánh của bạn. Mã: PA-0001' } });
  });

  it('renders choices as numbered lines and sends no buttons', async () => {
    await client.sendText(USER, 'Gửi phản ánh này?', [
      { value: 'send', label: 'Gửi' },
      { value: 'edit', label: 'Sửa' },
    ]);
    expect(zalo.sent[0].text).toBe('Gửi phản ánh này?\n\n1. Gửi\n2. Sửa');
    expect(zalo.sent[0].attachment).toBeUndefined();
  });

  it('cuts texts over 2,000 characters with an ellipsis, keeping the choice lines', async () => {
    await client.sendText(USER, 'a'.repeat(2500), [{ value: 'ok', label: 'Đồng ý' }]);
    const text = zalo.sent[0].text ?? '';
    expect(Array.from(text)).toHaveLength(2000);
    expect(text.endsWith('…\n\n1. Đồng ý')).toBe(true);
  });

  it('on -216 refreshes once through the OAuth endpoint and retries once', async () => {
    const before = zalo.accessToken;
    zalo.failNext(-216);
    const result = await client.sendText(USER, 'xin chào');
    expect(result.messageId).toBeTruthy();
    expect(tokens.refreshes).toBe(1);
    expect(zalo.refreshCount).toBe(1);
    expect(zalo.sent).toHaveLength(1);
    expect(zalo.sent[0].accessToken).not.toBe(before);
    const refresh = zalo.received.find((r) => r.path === '/v4/oa/access_token');
    expect(refresh?.headers['secret_key']).toBe(zalo.appSecret);
    expect(refresh?.headers['content-type']).toContain('application/x-www-form-urlencoded');
    expect(refresh?.body).toEqual({ refresh_token: 'fake-refresh-0', app_id: zalo.appId, grant_type: 'refresh_token' });
  });

  it('refreshes when the token has been rotated away (the fake accepts only its current token)', async () => {
    zalo.setAccessToken('rotated-elsewhere');
    // The refresh issues a new pair; the fake then accepts only the new access token.
    await client.sendText(USER, 'xin chào');
    expect(tokens.refreshes).toBe(1);
    expect(zalo.sent).toHaveLength(1);
  });

  it('gives up after one refresh: a second -216 is thrown as token_invalid', async () => {
    zalo.failNext(-216, 2);
    const error = await client.sendText(USER, 'x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZaloApiError);
    expect(error).toMatchObject({ code: -216, category: 'token_invalid', method: 'sendText', endpoint: '/v3.0/oa/message/cs' });
    expect(tokens.refreshes).toBe(1);
    expect(zalo.sent).toHaveLength(0);
  });

  it('-230 is outside_window and does not refresh', async () => {
    zalo.failNext(-230);
    const error = await client.sendText(USER, 'nhắc việc').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZaloApiError);
    expect(error).toMatchObject({ code: -230, category: 'outside_window', retryable: false });
    expect(tokens.refreshes).toBe(0);
  });

  it('-32 is rate_limited and retryable', async () => {
    zalo.failNext(-32);
    const error = await client.sendText(USER, 'x').catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ZaloApiError', code: -32, category: 'rate_limited', retryable: true });
  });

  it('reads the error field of an HTTP 200 answer (-234 quiet hours) and keeps personal data out of the message', async () => {
    zalo.failNext(-234);
    const error = (await client.sendText(USER, 'bí mật').catch((e: unknown) => e)) as ZaloApiError;
    expect(error.category).toBe('quiet_hours');
    expect(error.message).not.toContain(USER);
    expect(error.message).not.toContain('bí mật');
  });

  it('a non-2xx answer without a Zalo body is a retryable ZaloHttpError', async () => {
    zalo.failNextHttp(502);
    const error = await client.sendText(USER, 'x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZaloHttpError);
    expect(error).toMatchObject({ status: 502, retryable: true });
  });

  it('a connection failure is a ZaloHttpError', async () => {
    const base = zalo.apiBase;
    await zalo.close();
    const offline = new ZaloClient({ apiBase: base, oauthBase: base, appId: 'a', appSecret: 's', tokens, timeoutMs: 500 });
    const error = await offline.sendText(USER, 'x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZaloHttpError);
    zalo = await startFakeZalo(); // for afterEach
  });

  it('uploads an image as multipart field `file` and sends it by attachment id', async () => {
    const bytes = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]);
    const attachmentId = await client.uploadImage(bytes, 'after.jpg', 'image/jpeg');
    const upload = zalo.uploads.get(attachmentId);
    expect(upload).toMatchObject({ filename: 'after.jpg', mime: 'image/jpeg' });
    expect(upload?.bytes.equals(bytes)).toBe(true);

    await client.sendImage(USER, { attachmentId }, 'Ảnh sau khi xử lý');
    expect(zalo.sent[0]).toMatchObject({
      text: 'Ảnh sau khi xử lý',
      attachment: {
        type: 'template',
        payload: { template_type: 'media', elements: [{ media_type: 'image', attachment_id: attachmentId }] },
      },
    });
  });

  it('an expired attachment id is attachment_expired', async () => {
    const attachmentId = await client.uploadImage(Buffer.from('img'), 'a.png', 'image/png');
    zalo.uploads.delete(attachmentId);
    const error = await client.sendImage(USER, { attachmentId }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: -100, category: 'attachment_expired' });
  });

  it('sends an image by URL', async () => {
    await client.sendImage(USER, { url: 'https://example.org/a.jpg' });
    expect(zalo.sent[0].attachment).toEqual({
      type: 'template',
      payload: { template_type: 'media', elements: [{ media_type: 'image', url: 'https://example.org/a.jpg' }] },
    });
    expect(zalo.sent[0].text).toBeUndefined();
  });

  it('reads a user profile', async () => {
    zalo.users.set(USER, { display_name: 'Nguyễn Văn A', user_is_follower: true, avatar: 'https://a/b.jpg' });
    const profile = await client.getUserProfile(USER);
    expect(profile).toMatchObject({ userId: USER, displayName: 'Nguyễn Văn A', isFollower: true, avatarUrl: 'https://a/b.jpg' });
    const request = zalo.received[0];
    expect(request.method).toBe('GET');
    expect(JSON.parse(request.query.data)).toEqual({ user_id: USER });
  });
});

describe('exchangeRefreshToken', () => {
  let zalo: FakeZalo;
  beforeEach(async () => {
    zalo = await startFakeZalo();
  });
  afterEach(async () => {
    await zalo.close();
  });

  it('returns the new pair with expires_in parsed from its string', async () => {
    const pair = await exchangeRefreshToken({
      oauthBase: zalo.oauthBase,
      appId: zalo.appId,
      appSecret: zalo.appSecret,
      refreshToken: 'fake-refresh-0',
    });
    expect(pair).toEqual({ accessToken: zalo.accessToken, refreshToken: zalo.refreshToken, expiresInSeconds: 90000 });
    expect(pair.refreshToken).not.toBe('fake-refresh-0');
  });

  it('refresh tokens are single-use: the second exchange with the same token fails with ZaloOAuthError', async () => {
    const options = { oauthBase: zalo.oauthBase, appId: zalo.appId, appSecret: zalo.appSecret, refreshToken: 'fake-refresh-0' };
    await exchangeRefreshToken(options);
    const error = await exchangeRefreshToken(options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZaloOAuthError);
    expect((error as ZaloOAuthError).code).toBeLessThan(0);
    expect(zalo.refreshCount).toBe(1);
  });

  it('a wrong app secret fails with ZaloOAuthError', async () => {
    const error = await exchangeRefreshToken({
      oauthBase: zalo.oauthBase,
      appId: zalo.appId,
      appSecret: 'wrong',
      refreshToken: 'fake-refresh-0',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZaloOAuthError);
    expect(zalo.refreshCount).toBe(0);
  });
});
