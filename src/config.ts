import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Every setting Switchboard reads, with its default. Env only; parsed once. */
const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z.url().optional(),
  DATA_DIR: z.string().default('./data'),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DEMO: bool.default(true),
  SMTP_URL: z.url().optional(),
  MAIL_FROM: z.string().default('Switchboard <switchboard@localhost>'),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  UPLOAD_LIMIT_BYTES: z.coerce.number().int().min(1024).default(200 * 1_048_576),
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  API_RATE_LIMIT: z.coerce.number().int().min(1).default(6000),
  TRUST_PROXY: z.string().optional(),
  SESSION_DAYS: z.coerce.number().int().min(1).default(14),
  INVITE_HOURS: z.coerce.number().int().min(1).default(72),
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(30).default(8),
  WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(10).default(10_000),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).default(5000),
  WEBHOOK_LOG_DAYS: z.coerce.number().int().min(1).default(30),
  WS_HEARTBEAT_MS: z.coerce.number().int().min(100).default(30_000),
  /** The PBX's route question is answered within this many ms, by the fallback route if need be. */
  ROUTE_DEADLINE_MS: z.coerce.number().int().min(50).max(5000).default(500),
  /** The PBX adapter of projects that have not chosen one: the built-in simulator, Kamailio or a hosted PBX's webhook. */
  TELEPHONY_ADAPTER: z.enum(['sim', 'kamailio', 'webhook']).default('sim'),
  /** How long a hosted PBX (webhook adapter) may take to accept a call control command. */
  TELEPHONY_PBX_TIMEOUT_MS: z.coerce.number().int().min(100).max(30_000).default(3000),
  /** A caller card (with its connector data) stays in memory this long after its call ends, then is dropped (R-43). */
  CARD_TTL_SECONDS: z.coerce.number().int().min(0).max(86_400).default(300),
  /** After a call an agent stays in wrap-up this long before new work is offered (0 = available at once). */
  CALL_WRAP_UP_SECONDS: z.coerce.number().int().min(0).max(3600).default(15),
  /**
   * Calls in progress held in memory at most (~600 bytes each). A PBX reports every call's end, so this bounds
   * only a PBX that stops doing so: past it the oldest tenth is written to the table as unfinished.
   */
  LIVE_CALLS_MAX: z.coerce.number().int().min(1000).default(500_000),
  /** The dialer's pacing runner decides this often per running campaign (0 = off: tests tick by hand). */
  DIALER_TICK_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  AGENT_DISCONNECT_GRACE_MS: z.coerce.number().int().min(0).default(30_000),
  AGENT_DISCONNECT_STATE: z.enum(['break', 'offline']).default('break'),
});

export type Config = Readonly<z.infer<typeof schema>> & { publicUrl: string };

/** Thrown with every problem in the environment at once, so one restart fixes them all. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const input = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const c = parsed.data;
  const host = c.HOST === '0.0.0.0' ? 'localhost' : c.HOST;
  return Object.freeze({ ...c, publicUrl: (c.PUBLIC_URL ?? `http://${host}:${c.PORT}`).replace(/\/+$/, '') });
}
