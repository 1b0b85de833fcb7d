/**
 * A fake Telegram Bot API server for tests and local trials: a real HTTP server on 127.0.0.1 (port 0) that grammY
 * talks to through `apiRoot`. It answers exactly in the Bot API's envelope (`{ ok: true, result }` /
 * `{ ok: false, error_code, description, parameters? }`, HTTP status = `error_code`), keeps per-chat message ids,
 * serves long polling, files, and errors on demand (429 with `retry_after`, 403 blocked, …).
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSentWaiter } from './sent-waiter.js';
import { multipartBoundary, parseMultipart, readRaw } from './http-body.js';

export interface FakeTelegramOptions {
  /** The bot token; requests with another token get 401. Default `123456789:FAKE-token_for-tests`. */
  token?: string;
  /** Bot's username, for getMe. Default `phuong_fake_bot`. */
  username?: string;
  /**
   * Enforce the Bot API's sending limits with automatic 429s (off by default): at most `perChatPerSecond`
   * messages per chat and `globalPerSecond` overall, within any sliding second.
   */
  limits?: { perChatPerSecond?: number; globalPerSecond?: number };
}

/** One HTTP request the fake received, with the Bot API method and its parameters merged from query and body. */
export interface RecordedTelegramRequest {
  httpMethod: string;
  path: string;
  /** Bot API method, e.g. `sendMessage`; `undefined` for file downloads. */
  method?: string;
  params: Record<string, unknown>;
  headers: IncomingHttpHeaders;
  at: number;
}

/** A message the bot sent (sendMessage, sendPhoto, sendDocument). */
export interface FakeTelegramSent {
  method: 'sendMessage' | 'sendPhoto' | 'sendDocument';
  chatId: number | string;
  messageId: number;
  /** The text, or the caption of a photo/document. */
  text?: string;
  replyMarkup?: unknown;
  parseMode?: string;
  /** sendPhoto/sendDocument: the file id or URL passed, or the new file id of an upload. */
  file?: string;
  /** The uploaded bytes, when the photo/document was uploaded. */
  upload?: { filename?: string; bytes: Buffer };
}

/** An `editMessageReplyMarkup` the bot made. */
export interface FakeTelegramEdit {
  chatId: number | string;
  messageId: number;
  replyMarkup?: unknown;
}

/** An `answerCallbackQuery` the bot made. */
export interface FakeTelegramCallbackAnswer {
  callbackQueryId: string;
  text?: string;
  showAlert?: boolean;
}

export interface FakeTelegram {
  /** Pass as grammY's `client.apiRoot`. */
  readonly apiRoot: string;
  readonly token: string;
  readonly received: RecordedTelegramRequest[];
  readonly sent: FakeTelegramSent[];
  readonly edits: FakeTelegramEdit[];
  readonly callbackAnswers: FakeTelegramCallbackAnswer[];
  /** Files served by getFile and `GET /file/bot<token>/<file_path>`; uploads by the bot land here too. */
  readonly files: Map<string, Buffer>;
  /** The webhook set by setWebhook, if any. */
  readonly webhook: { url: string; secretToken?: string } | undefined;
  /** The next `times` calls (any method but getUpdates) answer 429 with `parameters.retry_after`. */
  rateLimitNext(retryAfterSeconds: number, times?: number): void;
  /**
   * The next call (of `opts.method` if given, else any method but getUpdates) answers
   * `{ ok: false, error_code, description }`, e.g. `failNext(403, 'Forbidden: bot was blocked by the user')`.
   */
  failNext(
    errorCode: number,
    description: string,
    opts?: { times?: number; method?: string; parameters?: Record<string, unknown> },
  ): void;
  /** Queues an update for getUpdates (wakes a waiting long poll). An update without `update_id` gets the next one. */
  pushUpdate(update: object): void;
  /** Resolves with the sent messages once at least `n` were sent; rejects after `timeoutMs` (default 2,000). */
  waitForSent(n: number, timeoutMs?: number): Promise<FakeTelegramSent[]>;
  /** Answers pending long polls with `[]`, drops keep-alive connections, stops the server. */
  close(): Promise<void>;
}

interface StoredMessage {
  chatId: number | string;
  messageId: number;
  text?: string;
  replyMarkup?: unknown;
}

interface PendingPoll {
  offset: number;
  limit: number;
  finish: (result: ApiAnswer) => void;
}

interface ApiAnswer {
  status: number;
  body: { ok: true; result: unknown } | { ok: false; error_code: number; description: string; parameters?: object };
}

type Fault = { errorCode: number; description: string; method?: string; parameters?: Record<string, unknown> };

/** Parameters that the Bot API takes as JSON-serialised strings in form and multipart bodies. */
const JSON_PARAMS = new Set([
  'reply_markup',
  'allowed_updates',
  'entities',
  'caption_entities',
  'media',
  'link_preview_options',
  'reply_parameters',
]);

const MAX_TEXT = 4096;
const MAX_CAPTION = 1024;
const MAX_CALLBACK_DATA_BYTES = 64;
const SENDING_METHODS = new Set(['sendMessage', 'sendPhoto', 'sendDocument']);

/** Starts the fake on 127.0.0.1 with a free port. Close it in `afterEach`/`afterAll`. */
export async function startFakeTelegram(opts: FakeTelegramOptions = {}): Promise<FakeTelegram> {
  const token = opts.token ?? '123456789:FAKE-token_for-tests';
  const botId = Number(token.split(':')[0]) || 123456789;
  const botUser = { id: botId, is_bot: true, first_name: 'Phường Fake Bot', username: opts.username ?? 'phuong_fake_bot' };

  const received: RecordedTelegramRequest[] = [];
  const sent: FakeTelegramSent[] = [];
  const edits: FakeTelegramEdit[] = [];
  const callbackAnswers: FakeTelegramCallbackAnswer[] = [];
  const files = new Map<string, Buffer>();
  const filePaths = new Map<string, string>(); // file_id → file_path
  const messages = new Map<string, StoredMessage>(); // `${chatId}/${messageId}`
  const lastMessageId = new Map<string, number>();
  const updates: Array<Record<string, unknown> & { update_id: number }> = [];
  const faults: Fault[] = [];
  const sendTimes: Array<{ chat: string; at: number }> = [];
  let pendingPoll: PendingPoll | undefined;
  let nextUpdateId = 1;
  let fileCounter = 0;
  let webhook: { url: string; secretToken?: string } | undefined;
  let closing = false;

  const ok = (result: unknown): ApiAnswer => ({ status: 200, body: { ok: true, result } });
  const fail = (errorCode: number, description: string, parameters?: object): ApiAnswer => ({
    status: errorCode,
    body: { ok: false, error_code: errorCode, description, ...(parameters ? { parameters } : {}) },
  });
  const badRequest = (what: string): ApiAnswer => fail(400, `Bad Request: ${what}`);

  const sentWaiter = createSentWaiter(sent, 'Telegram');
  const notify = sentWaiter.notify;

  const newMessageId = (chatId: number | string): number => {
    const key = String(chatId);
    const id = (lastMessageId.get(key) ?? 0) + 1;
    lastMessageId.set(key, id);
    return id;
  };

  const chatOf = (chatId: number | string) =>
    typeof chatId === 'number' && chatId > 0
      ? { id: chatId, first_name: 'Người dùng', type: 'private' }
      : typeof chatId === 'number'
        ? { id: chatId, title: 'Nhóm', type: chatId < -1_000_000_000_000 ? 'supergroup' : 'group' }
        : { id: chatId, title: chatId, type: 'channel' };

  const registerFile = (bytes: Buffer, folder: string, extension: string): string => {
    fileCounter += 1;
    const fileId = `FAKE${folder.toUpperCase()}${fileCounter}_${randomBytes(6).toString('hex')}`;
    files.set(fileId, bytes);
    filePaths.set(fileId, `${folder}/file_${fileCounter}.${extension}`);
    return fileId;
  };

  /** Applies the optional sliding-second limits; a 429 tells how long until the window frees up. */
  const checkLimits = (chat: string, now: number): ApiAnswer | undefined => {
    const limits = opts.limits;
    if (!limits) return undefined;
    while (sendTimes.length > 0 && now - sendTimes[0].at >= 1000) sendTimes.shift();
    const inChat = sendTimes.filter((entry) => entry.chat === chat);
    const over =
      (limits.perChatPerSecond !== undefined && inChat.length >= limits.perChatPerSecond && inChat[0]) ||
      (limits.globalPerSecond !== undefined && sendTimes.length >= limits.globalPerSecond && sendTimes[0]);
    if (!over) return undefined;
    const retryAfter = Math.max(1, Math.ceil((over.at + 1000 - now) / 1000));
    return fail(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter });
  };

  const takeFault = (method: string): Fault | undefined => {
    const index = faults.findIndex((fault) =>
      fault.method !== undefined ? fault.method === method : method !== 'getUpdates',
    );
    return index === -1 ? undefined : faults.splice(index, 1)[0];
  };

  const collectUpdates = (offset: number, limit: number) => {
    // Asking with an offset confirms every update before it: they are gone for good.
    if (offset > 0) {
      while (updates.length > 0 && updates[0].update_id < offset) updates.shift();
    } else if (offset < 0) {
      updates.splice(0, Math.max(0, updates.length + offset));
    }
    return updates.slice(0, limit);
  };

  const validateMarkup = (markup: unknown): string | undefined => {
    const keyboard = (markup as { inline_keyboard?: unknown } | undefined)?.inline_keyboard;
    if (keyboard === undefined) return undefined;
    if (!Array.isArray(keyboard)) return "can't parse inline keyboard button: InlineKeyboardButton must be an Object";
    for (const row of keyboard) {
      if (!Array.isArray(row)) return 'field "inline_keyboard" of the InlineKeyboardMarkup should be an Array of Arrays';
      for (const button of row as Array<Record<string, unknown>>) {
        if (typeof button?.text !== 'string' || button.text.length === 0) return 'text buttons are unallowed in the inline keyboard';
        const data = button.callback_data;
        if (data !== undefined && (typeof data !== 'string' || data.length === 0 || Buffer.byteLength(data) > MAX_CALLBACK_DATA_BYTES)) {
          return 'BUTTON_DATA_INVALID';
        }
      }
    }
    return undefined;
  };

  const storeSent = (entry: Omit<FakeTelegramSent, 'messageId'>, extra: Record<string, unknown>) => {
    const messageId = newMessageId(entry.chatId);
    const record: FakeTelegramSent = { ...entry, messageId };
    sent.push(record);
    messages.set(`${entry.chatId}/${messageId}`, {
      chatId: entry.chatId,
      messageId,
      ...(entry.text !== undefined ? { text: entry.text } : {}),
      ...(entry.replyMarkup !== undefined ? { replyMarkup: entry.replyMarkup } : {}),
    });
    sendTimes.push({ chat: String(entry.chatId), at: Date.now() });
    notify();
    return {
      message_id: messageId,
      from: botUser,
      chat: chatOf(entry.chatId),
      date: Math.floor(Date.now() / 1000),
      ...extra,
      ...(entry.replyMarkup !== undefined ? { reply_markup: entry.replyMarkup } : {}),
    };
  };

  /** Resolves a file parameter: an upload (`attach://id` or the file part itself), or a file id / URL string. */
  const fileParam = (
    params: Record<string, unknown>,
    uploaded: Map<string, MultipartFile>,
    field: string,
  ): { file?: string; upload?: MultipartFile } | undefined => {
    const value = params[field];
    if (typeof value === 'string' && value.startsWith('attach://')) {
      const upload = uploaded.get(value.slice('attach://'.length));
      return upload ? { upload } : undefined;
    }
    if (uploaded.has(field)) return { upload: uploaded.get(field) };
    if (typeof value === 'string' && value.length > 0) return { file: value };
    return undefined;
  };

  const call = async (method: string, params: Record<string, unknown>, uploaded: Map<string, MultipartFile>): Promise<ApiAnswer> => {
    const fault = takeFault(method);
    if (fault) return fail(fault.errorCode, fault.description, fault.parameters);

    switch (method) {
      case 'getMe':
        return ok({
          ...botUser,
          can_join_groups: true,
          can_read_all_group_messages: false,
          supports_inline_queries: false,
          can_connect_to_business: false,
          has_main_web_app: false,
        });

      case 'setWebhook': {
        const url = params.url;
        if (typeof url !== 'string') return badRequest('bad webhook: An HTTPS URL must be provided for webhook');
        if (url === '') {
          webhook = undefined;
          return { status: 200, body: { ok: true, result: true, description: 'Webhook was deleted' } as ApiAnswer['body'] };
        }
        const secret = params.secret_token;
        if (secret !== undefined && (typeof secret !== 'string' || !/^[A-Za-z0-9_-]{1,256}$/.test(secret))) {
          return badRequest('secret token contains unallowed characters');
        }
        webhook = { url, ...(typeof secret === 'string' ? { secretToken: secret } : {}) };
        if (isTrue(params.drop_pending_updates)) updates.length = 0;
        return { status: 200, body: { ok: true, result: true, description: 'Webhook was set' } as ApiAnswer['body'] };
      }

      case 'deleteWebhook':
        webhook = undefined;
        if (isTrue(params.drop_pending_updates)) updates.length = 0;
        return { status: 200, body: { ok: true, result: true, description: 'Webhook was deleted' } as ApiAnswer['body'] };

      case 'getWebhookInfo':
        return ok({ url: webhook?.url ?? '', has_custom_certificate: false, pending_update_count: updates.length });

      case 'getUpdates': {
        if (webhook) return fail(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
        const offset = toInt(params.offset) ?? 0;
        const limit = Math.min(100, Math.max(1, toInt(params.limit) ?? 100));
        const timeout = Math.max(0, toInt(params.timeout) ?? 0);
        // Only one long poll at a time, like Telegram: the older one is cut off with 409.
        if (pendingPoll) {
          pendingPoll.finish(fail(409, 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running'));
          pendingPoll = undefined;
        }
        const ready = collectUpdates(offset, limit);
        if (ready.length > 0 || timeout === 0 || closing) return ok(ready);
        return new Promise<ApiAnswer>((resolve) => {
          const poll: PendingPoll = {
            offset,
            limit,
            finish: (answer) => {
              clearTimeout(timer);
              if (pendingPoll === poll) pendingPoll = undefined;
              resolve(answer);
            },
          };
          const timer = setTimeout(() => poll.finish(ok([])), timeout * 1000);
          pendingPoll = poll;
        });
      }

      case 'sendMessage': {
        const chatId = toChatId(params.chat_id);
        if (chatId === undefined) return badRequest('chat_id is empty');
        const text = params.text;
        if (typeof text !== 'string' || text.trim().length === 0) return badRequest('message text is empty');
        if (Array.from(text).length > MAX_TEXT) return badRequest('message is too long');
        const markupError = validateMarkup(params.reply_markup);
        if (markupError) return badRequest(markupError);
        const limited = checkLimits(String(chatId), Date.now());
        if (limited) return limited;
        const parseMode = typeof params.parse_mode === 'string' ? params.parse_mode : undefined;
        return ok(
          storeSent(
            {
              method: 'sendMessage',
              chatId,
              text,
              ...(params.reply_markup !== undefined ? { replyMarkup: params.reply_markup } : {}),
              ...(parseMode ? { parseMode } : {}),
            },
            { text },
          ),
        );
      }

      case 'sendPhoto':
      case 'sendDocument': {
        const chatId = toChatId(params.chat_id);
        if (chatId === undefined) return badRequest('chat_id is empty');
        const field = method === 'sendPhoto' ? 'photo' : 'document';
        const source = fileParam(params, uploaded, field);
        if (!source) return badRequest(`there is no ${field} in the request`);
        const caption = typeof params.caption === 'string' ? params.caption : undefined;
        if (caption !== undefined && Array.from(caption).length > MAX_CAPTION) return badRequest('message caption is too long');
        const markupError = validateMarkup(params.reply_markup);
        if (markupError) return badRequest(markupError);
        const limited = checkLimits(String(chatId), Date.now());
        if (limited) return limited;

        const fileId = source.upload
          ? registerFile(source.upload.data, method === 'sendPhoto' ? 'photos' : 'documents', method === 'sendPhoto' ? 'jpg' : 'dat')
          : (source.file as string);
        const size = source.upload?.data.length ?? files.get(fileId)?.length ?? 0;
        const extra =
          method === 'sendPhoto'
            ? {
                photo: [
                  { file_id: `${fileId}-s`, file_unique_id: `${fileId}-us`, width: 90, height: 67, file_size: Math.ceil(size / 20) },
                  { file_id: fileId, file_unique_id: `${fileId}-u`, width: 1280, height: 960, file_size: size },
                ],
              }
            : {
                document: {
                  file_id: fileId,
                  file_unique_id: `${fileId}-u`,
                  file_name: source.upload?.filename ?? 'file',
                  mime_type: 'application/octet-stream',
                  file_size: size,
                },
              };
        return ok(
          storeSent(
            {
              method,
              chatId,
              ...(caption !== undefined ? { text: caption } : {}),
              ...(params.reply_markup !== undefined ? { replyMarkup: params.reply_markup } : {}),
              ...(typeof params.parse_mode === 'string' ? { parseMode: params.parse_mode } : {}),
              file: fileId,
              ...(source.upload
                ? { upload: { ...(source.upload.filename ? { filename: source.upload.filename } : {}), bytes: source.upload.data } }
                : {}),
            },
            { ...extra, ...(caption !== undefined ? { caption } : {}) },
          ),
        );
      }

      case 'answerCallbackQuery': {
        const id = params.callback_query_id;
        if (typeof id !== 'string' || id.length === 0) return badRequest('query is too old and response timeout expired or query ID is invalid');
        callbackAnswers.push({
          callbackQueryId: id,
          ...(typeof params.text === 'string' ? { text: params.text } : {}),
          ...(params.show_alert !== undefined ? { showAlert: isTrue(params.show_alert) } : {}),
        });
        return ok(true);
      }

      case 'editMessageReplyMarkup': {
        const chatId = toChatId(params.chat_id);
        const messageId = toInt(params.message_id);
        if (chatId === undefined || messageId === undefined) return badRequest('message to edit not found');
        const stored = messages.get(`${chatId}/${messageId}`);
        if (!stored) return badRequest('message to edit not found');
        const markupError = validateMarkup(params.reply_markup);
        if (markupError) return badRequest(markupError);
        const markup = params.reply_markup;
        if (JSON.stringify(markup ?? null) === JSON.stringify(stored.replyMarkup ?? null)) {
          return badRequest(
            'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
          );
        }
        if (markup === undefined) delete stored.replyMarkup;
        else stored.replyMarkup = markup;
        edits.push({ chatId, messageId, ...(markup !== undefined ? { replyMarkup: markup } : {}) });
        return ok({
          message_id: messageId,
          from: botUser,
          chat: chatOf(chatId),
          date: Math.floor(Date.now() / 1000),
          edit_date: Math.floor(Date.now() / 1000),
          ...(stored.text !== undefined ? { text: stored.text } : {}),
          ...(markup !== undefined ? { reply_markup: markup } : {}),
        });
      }

      case 'getFile': {
        const fileId = params.file_id;
        if (typeof fileId !== 'string' || !files.has(fileId)) return badRequest('invalid file_id');
        if (!filePaths.has(fileId)) filePaths.set(fileId, `photos/file_${(fileCounter += 1)}.jpg`);
        return ok({
          file_id: fileId,
          file_unique_id: `${fileId}-u`,
          file_size: files.get(fileId)?.length ?? 0,
          file_path: filePaths.get(fileId),
        });
      }

      default:
        return fail(404, 'Not Found');
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const raw = await readRaw(req);

    const fileMatch = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (fileMatch && req.method === 'GET') {
      received.push({ httpMethod: 'GET', path: url.pathname, params: {}, headers: req.headers, at: Date.now() });
      const fileId = fileMatch[1] === token ? [...filePaths].find(([, path]) => path === fileMatch[2])?.[0] : undefined;
      const bytes = fileId !== undefined ? files.get(fileId) : undefined;
      if (!bytes) return sendAnswer(res, fail(404, 'Not Found'));
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': bytes.length }).end(bytes);
      return;
    }

    const apiMatch = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    if (!apiMatch) return sendAnswer(res, fail(404, 'Not Found'));
    const [, requestToken, method] = apiMatch;
    const { params, uploaded } = parseParams(url, req.headers, raw);
    received.push({ httpMethod: req.method ?? 'GET', path: url.pathname, method, params, headers: req.headers, at: Date.now() });
    if (requestToken !== token) return sendAnswer(res, fail(401, 'Unauthorized'));

    const answer = await call(method, params, uploaded);
    sendAnswer(res, answer);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendAnswer(res, fail(500, `Internal Server Error: ${String(error)}`));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    apiRoot: `http://127.0.0.1:${port}`,
    token,
    received,
    sent,
    edits,
    callbackAnswers,
    files,
    get webhook() {
      return webhook;
    },
    rateLimitNext(retryAfterSeconds, times = 1) {
      for (let i = 0; i < times; i += 1) {
        faults.push({
          errorCode: 429,
          description: `Too Many Requests: retry after ${retryAfterSeconds}`,
          parameters: { retry_after: retryAfterSeconds },
        });
      }
    },
    failNext(errorCode, description, failOpts = {}) {
      for (let i = 0; i < (failOpts.times ?? 1); i += 1) {
        faults.push({
          errorCode,
          description,
          ...(failOpts.method !== undefined ? { method: failOpts.method } : {}),
          ...(failOpts.parameters !== undefined ? { parameters: failOpts.parameters } : {}),
        });
      }
    },
    pushUpdate(update) {
      const record = { ...(update as Record<string, unknown>) } as Record<string, unknown> & { update_id: number };
      if (typeof record.update_id !== 'number') record.update_id = Math.max(nextUpdateId, lastUpdateId() + 1);
      nextUpdateId = Math.max(nextUpdateId, record.update_id + 1);
      updates.push(record);
      updates.sort((a, b) => a.update_id - b.update_id);
      const poll = pendingPoll;
      if (poll) {
        const ready = collectUpdates(poll.offset, poll.limit);
        if (ready.length > 0) poll.finish(ok(ready));
      }
    },
    waitForSent: sentWaiter.waitForSent,
    close() {
      closing = true;
      pendingPoll?.finish(ok([]));
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Give the just-finished poll answer a moment to flush, then drop grammY's keep-alive sockets.
        setImmediate(() => server.closeAllConnections());
      });
    },
  };

  function lastUpdateId(): number {
    return updates.length > 0 ? updates[updates.length - 1].update_id : 0;
  }
}

// ---- Update builders ----

/** Update ids grow by one across all builders, from a start that is not 0 or 1 (like Telegram's). */
let lastBuiltUpdateId = 700_000_000;
let lastBuiltMessageId = 1_000;
let lastCallbackId = 0;

function nextUpdateIdOf(): number {
  lastBuiltUpdateId += 1;
  return lastBuiltUpdateId;
}

export interface TelegramUpdateOptions {
  /** Sender's user id; default `chatId` for private chats, else 555000111. */
  userId?: number;
  firstName?: string;
  username?: string;
  /** Default: the next in a global counter. */
  messageId?: number;
  /** Unix seconds; default now. */
  date?: number;
}

function sender(chatId: number, opts: TelegramUpdateOptions) {
  return {
    id: opts.userId ?? (chatId > 0 ? chatId : 555_000_111),
    is_bot: false,
    first_name: opts.firstName ?? 'Lan',
    ...(opts.username !== undefined ? { username: opts.username } : {}),
    language_code: 'vi',
  };
}

function chatFor(chatId: number, opts: TelegramUpdateOptions) {
  return chatId > 0
    ? { id: chatId, first_name: opts.firstName ?? 'Lan', type: 'private' as const }
    : { id: chatId, title: 'Tổ dân phố', type: chatId < -1_000_000_000_000 ? ('supergroup' as const) : ('group' as const) };
}

function messageBase(chatId: number, opts: TelegramUpdateOptions) {
  lastBuiltMessageId += 1;
  return {
    message_id: opts.messageId ?? lastBuiltMessageId,
    from: sender(chatId, opts),
    chat: chatFor(chatId, opts),
    date: opts.date ?? Math.floor(Date.now() / 1000),
  };
}

/** A text message update. A leading `/command` gets its `bot_command` entity, which grammY's `command()` needs. */
export function telegramTextUpdate(chatId: number, text: string, opts: TelegramUpdateOptions = {}) {
  const command = /^\/[A-Za-z0-9_]+(?:@[A-Za-z0-9_]+)?/.exec(text);
  return {
    update_id: nextUpdateIdOf(),
    message: {
      ...messageBase(chatId, opts),
      text,
      ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command[0].length }] } : {}),
    },
  };
}

/** A photo message: sizes small → large, `fileId` being the largest (what a bot should fetch). */
export function telegramPhotoUpdate(chatId: number, fileId: string, caption?: string, opts: TelegramUpdateOptions = {}) {
  return {
    update_id: nextUpdateIdOf(),
    message: {
      ...messageBase(chatId, opts),
      photo: [
        { file_id: `${fileId}-s`, file_unique_id: `${fileId}-us`, width: 90, height: 67, file_size: 1_200 },
        { file_id: `${fileId}-m`, file_unique_id: `${fileId}-um`, width: 320, height: 240, file_size: 15_000 },
        { file_id: fileId, file_unique_id: `${fileId}-u`, width: 1280, height: 960, file_size: 120_000 },
      ],
      ...(caption !== undefined ? { caption } : {}),
    },
  };
}

/** A location message (shared via the attachment menu or a `request_location` button). */
export function telegramLocationUpdate(
  chatId: number,
  latitude: number,
  longitude: number,
  opts: TelegramUpdateOptions & { horizontalAccuracy?: number } = {},
) {
  return {
    update_id: nextUpdateIdOf(),
    message: {
      ...messageBase(chatId, opts),
      location: {
        latitude,
        longitude,
        ...(opts.horizontalAccuracy !== undefined ? { horizontal_accuracy: opts.horizontalAccuracy } : {}),
      },
    },
  };
}

/** A tap on an inline keyboard button carrying `data`, on a bot message (`messageId`, default 1) in `chatId`. */
export function telegramCallbackUpdate(chatId: number, data: string, opts: TelegramUpdateOptions = {}) {
  lastCallbackId += 1;
  return {
    update_id: nextUpdateIdOf(),
    callback_query: {
      id: `${4_382_000_000_000_000_000n + BigInt(lastCallbackId)}`,
      from: sender(chatId, opts),
      message: {
        message_id: opts.messageId ?? 1,
        from: { id: 123456789, is_bot: true, first_name: 'Phường Fake Bot', username: 'phuong_fake_bot' },
        chat: chatFor(chatId, opts),
        date: opts.date ?? Math.floor(Date.now() / 1000),
        text: '…',
      },
      chat_instance: `-${String(Math.abs(chatId)).padStart(19, '7')}`,
      data,
    },
  };
}

// ---- HTTP plumbing ----

interface MultipartFile {
  filename?: string;
  data: Buffer;
}

function sendAnswer(res: ServerResponse, answer: ApiAnswer): void {
  const text = JSON.stringify(answer.body);
  res.writeHead(answer.status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}


/** Query string, JSON, form-urlencoded and multipart all carry parameters, as on the real Bot API. */
function parseParams(
  url: URL,
  headers: IncomingHttpHeaders,
  raw: Buffer,
): { params: Record<string, unknown>; uploaded: Map<string, MultipartFile> } {
  const params: Record<string, unknown> = {};
  const uploaded = new Map<string, MultipartFile>();
  for (const [key, value] of url.searchParams) params[key] = decodeFormValue(key, value);
  const type = headers['content-type'] ?? '';
  if (raw.length === 0) return { params, uploaded };
  if (type.includes('application/json')) {
    try {
      const body = JSON.parse(raw.toString('utf8')) as unknown;
      if (typeof body === 'object' && body !== null) Object.assign(params, body);
    } catch {
      // Telegram answers 400 for unparsable JSON; the method handler will miss its parameters and say why.
    }
  } else if (type.includes('application/x-www-form-urlencoded')) {
    for (const [key, value] of new URLSearchParams(raw.toString('utf8'))) params[key] = decodeFormValue(key, value);
  } else {
    const boundary = multipartBoundary(type);
    for (const part of boundary ? parseMultipart(raw, boundary) : []) {
      if (part.filename !== undefined) uploaded.set(part.name, { filename: part.filename, data: part.data });
      else params[part.name] = decodeFormValue(part.name, part.data.toString('utf8'));
    }
  }
  return { params, uploaded };
}

function decodeFormValue(key: string, value: string): unknown {
  if (!JSON_PARAMS.has(key)) return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}


function toInt(value: unknown): number | undefined {
  const number = typeof value === 'number' ? value : typeof value === 'string' && value !== '' ? Number(value) : NaN;
  return Number.isInteger(number) ? number : undefined;
}

/** Chat ids are integers, or `@channelusername`; form bodies carry them as strings. */
function toChatId(value: unknown): number | string | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return Number(value);
  if (typeof value === 'string' && /^@\w{5,}$/.test(value)) return value;
  return undefined;
}

function isTrue(value: unknown): boolean {
  return value === true || value === 'true' || value === 1 || value === '1';
}
