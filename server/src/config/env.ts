import { z } from 'zod';

const port = z.coerce.number().int().min(0).max(65_535);

/** Every setting Tandem reads from the environment, parsed once at start. */
const envSchema = z.object({
  /** Any Postgres; when absent Tandem starts an embedded one under TANDEM_DATA_DIR. */
  DATABASE_URL: z.string().url().optional(),
  TANDEM_DATA_DIR: z.string().default('.data'),
  /** Port of the embedded Postgres. */
  TANDEM_PG_PORT: port.default(54329),
  PORT: port.default(3000),
  HOST: z.string().default('127.0.0.1'),
  /** Meta's Graph API; point it at the Cloud API stand-in for tests and local development. */
  WHATSAPP_API_BASE_URL: z.string().url().default('https://graph.facebook.com'),
  WHATSAPP_API_VERSION: z
    .string()
    .regex(/^v\d+\.\d+$/)
    .default('v24.0'),
  /** The Meta app secret that signs webhooks (X-Hub-Signature-256). */
  WHATSAPP_APP_SECRET: z.string().min(1).optional(),
  /** The token Meta echoes when verifying the webhook URL. */
  WHATSAPP_VERIFY_TOKEN: z.string().min(1).optional(),
  /** 32-byte key (hex or base64) that encrypts stored secrets such as access tokens. */
  TANDEM_SECRET_KEY: z.string().min(1).optional(),
  /** Login of the admin created on the first start (a random password is printed when unset). */
  TANDEM_ADMIN_EMAIL: z.string().email().optional(),
  TANDEM_ADMIN_PASSWORD: z.string().min(10).optional(),
  /** Bootstrap admin API key. */
  TANDEM_ADMIN_KEY: z.string().min(16).optional(),
  /** Name of this worker process in logs (defaults to its pid). */
  TANDEM_WORKER_NAME: z.string().max(60).optional(),
  /** Worker concurrency per process. */
  TANDEM_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(8),
  /**
   * CPU priority (nice value) a `worker` process lowers itself to: on a box it shares with the web
   * process, webhook acks get the CPU first and processing follows (0: the same priority). Not
   * applied by `start`, where web and worker are one process.
   */
  TANDEM_WORKER_NICE: z.coerce.number().int().min(0).max(19).default(10),
  /** Heartbeat of worker processes, and how stale it may get before another process releases the dead one's jobs. */
  TANDEM_WORKER_HEARTBEAT_MS: z.coerce.number().int().min(100).default(5_000),
  TANDEM_WORKER_DEAD_AFTER_MS: z.coerce.number().int().min(500).default(30_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});
export type Env = z.infer<typeof envSchema>;

/** Parses the environment; a variable set to the empty string (`DATABASE_URL=` in a .env file) counts as unset. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(source).filter(([, value]) => value !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
