/**
 * The product's configuration: one zod schema over the environment, parsed once at start-up, frozen, and
 * passed to whoever needs it. Nothing else reads `process.env`.
 */
import { z } from 'zod';

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const url = (what: string) =>
  z
    .string()
    .trim()
    .refine((value) => /^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(value), { message: `must be a ${what} URL` });

const optionalUrl = (what: string) =>
  z
    .string()
    .trim()
    .transform((value) => (value === '' ? undefined : value))
    .pipe(url(what).optional())
    .optional();

export const configSchema = z
  .object({
    /** PostgreSQL server; unset → the embedded PostgreSQL in `DATA_DIR`. */
    DATABASE_URL: optionalUrl('postgres://'),
    /** Redis for the queues; unset → BullMQ's PostgreSQL backend. */
    REDIS_URL: optionalUrl('redis://'),
    /** HTTP port. Default 3000. */
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    /** Where the server is reachable from outside (webhooks, signed media links). Unset → Telegram polls. */
    PUBLIC_URL: optionalUrl('http(s)://'),
    /** Embedded database files and downloaded media. Default `./data`. */
    DATA_DIR: z.string().trim().min(1).default('./data'),
    /** Only Asia/Ho_Chi_Minh is supported: deadlines and quiet hours are Vietnamese time. */
    TZ: z
      .string()
      .optional()
      .refine((tz) => tz === undefined || tz === '' || tz === 'Asia/Ho_Chi_Minh' || tz === 'UTC', {
        message: 'must be Asia/Ho_Chi_Minh (the product computes Vietnamese time itself)',
      }),
    TELEGRAM_BOT_TOKEN: optionalString.pipe(
      z
        .string()
        .regex(/^\d+:[A-Za-z0-9_-]{20,}$/, 'must look like 123456:ABC… (from @BotFather)')
        .optional(),
    ),
    TELEGRAM_WEBHOOK_SECRET: optionalString.pipe(
      z
        .string()
        .regex(/^[A-Za-z0-9_-]{1,256}$/, 'must be 1–256 characters of A-Z a-z 0-9 _ -')
        .optional(),
    ),
    TELEGRAM_API_ROOT: url('http(s)://').default('https://api.telegram.org'),
    ZALO_APP_ID: optionalString,
    ZALO_APP_SECRET: optionalString,
    ZALO_OA_SECRET_KEY: optionalString,
    ZALO_ACCESS_TOKEN: optionalString,
    ZALO_REFRESH_TOKEN: optionalString,
    ZALO_API_BASE: url('http(s)://').default('https://openapi.zalo.me'),
    ZALO_OAUTH_BASE: url('http(s)://').default('https://oauth.zaloapp.com'),
    /** Secret for signed media links; unset → derived at first start and kept in the database. */
    MEDIA_LINK_SECRET: optionalString,
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
    /** A file the worker role rewrites every 10 s while healthy (orchestrators' liveness probe). Unset → none. */
    HEARTBEAT_FILE: optionalString,
    /** An S3-compatible object store for photos (several hosts, one set of photos). Unset → the local disk. */
    S3_ENDPOINT: optionalUrl('http(s)://'),
    S3_BUCKET: optionalString,
    S3_REGION: z.string().trim().min(1).default('us-east-1'),
    S3_ACCESS_KEY_ID: optionalString,
    S3_SECRET_ACCESS_KEY: optionalString,
  })
  .superRefine((env, ctx) => {
    if (env.TELEGRAM_BOT_TOKEN && env.PUBLIC_URL && !env.TELEGRAM_WEBHOOK_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['TELEGRAM_WEBHOOK_SECRET'],
        message: 'is required when TELEGRAM_BOT_TOKEN and PUBLIC_URL are set (the webhook must be authenticated)',
      });
    }
    if (env.S3_ENDPOINT) {
      for (const key of ['S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const) {
        if (!env[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'is required when S3_ENDPOINT is set' });
      }
    }
    const zaloKeys = ['ZALO_APP_ID', 'ZALO_APP_SECRET', 'ZALO_OA_SECRET_KEY', 'ZALO_REFRESH_TOKEN'] as const;
    const someZalo = zaloKeys.some((key) => env[key]);
    if (someZalo) {
      for (const key of zaloKeys) {
        if (!env[key]) {
          ctx.addIssue({ code: 'custom', path: [key], message: 'is required once any Zalo variable is set' });
        }
      }
    }
  });

type Env = z.infer<typeof configSchema>;

/** The parsed, frozen configuration passed around the app. */
export interface Config {
  databaseUrl?: string;
  redisUrl?: string;
  port: number;
  publicUrl?: string;
  dataDir: string;
  logLevel: Env['LOG_LEVEL'];
  mediaLinkSecret?: string;
  heartbeatFile?: string;
  s3?: { endpoint: string; bucket: string; region: string; accessKeyId: string; secretAccessKey: string };
  telegram?: { token: string; webhookSecret?: string; apiRoot: string };
  zalo?: {
    appId: string;
    appSecret: string;
    oaSecretKey: string;
    accessToken?: string;
    refreshToken: string;
    apiBase: string;
    oauthBase: string;
  };
}

/** Start-up stops with one line per bad variable, naming it and why. */
export class ConfigError extends Error {
  readonly code = 'ERR_CONFIG';
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** The variables each channel needs, printed at start-up for a channel that is off. */
export const CHANNEL_SWITCHES = {
  telegram: 'TELEGRAM_BOT_TOKEN',
  zalo: 'ZALO_APP_ID, ZALO_APP_SECRET, ZALO_OA_SECRET_KEY, ZALO_REFRESH_TOKEN',
} as const;

/** Parse the environment once. Throws {@link ConfigError} listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${String(issue.path[0] ?? '?')}: ${issue.message}`);
    throw new ConfigError(problems);
  }
  const e = parsed.data;
  const config: Config = {
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    port: e.PORT,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
    dataDir: e.DATA_DIR,
    logLevel: e.LOG_LEVEL,
    mediaLinkSecret: e.MEDIA_LINK_SECRET,
    heartbeatFile: e.HEARTBEAT_FILE,
    s3:
      e.S3_ENDPOINT && e.S3_BUCKET && e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY
        ? { endpoint: e.S3_ENDPOINT, bucket: e.S3_BUCKET, region: e.S3_REGION, accessKeyId: e.S3_ACCESS_KEY_ID, secretAccessKey: e.S3_SECRET_ACCESS_KEY }
        : undefined,
    telegram: e.TELEGRAM_BOT_TOKEN
      ? { token: e.TELEGRAM_BOT_TOKEN, webhookSecret: e.TELEGRAM_WEBHOOK_SECRET, apiRoot: e.TELEGRAM_API_ROOT }
      : undefined,
    zalo:
      e.ZALO_APP_ID && e.ZALO_APP_SECRET && e.ZALO_OA_SECRET_KEY && e.ZALO_REFRESH_TOKEN
        ? {
            appId: e.ZALO_APP_ID,
            appSecret: e.ZALO_APP_SECRET,
            oaSecretKey: e.ZALO_OA_SECRET_KEY,
            accessToken: e.ZALO_ACCESS_TOKEN,
            refreshToken: e.ZALO_REFRESH_TOKEN,
            apiBase: e.ZALO_API_BASE.replace(/\/+$/, ''),
            oauthBase: e.ZALO_OAUTH_BASE.replace(/\/+$/, ''),
          }
        : undefined,
  };
  return deepFreeze(config);
}

function deepFreeze<T extends object>(value: T): Readonly<T> {
  for (const inner of Object.values(value)) {
    if (inner && typeof inner === 'object') deepFreeze(inner);
  }
  return Object.freeze(value);
}

/** Every environment variable the schema knows, for docs and the docker-compose test. */
export const CONFIG_VARIABLES = Object.keys(configSchema.shape ?? {}) as string[];
