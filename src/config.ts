import { isIP } from 'node:net';
import { z } from 'zod';

const booleanFromString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

/** An IPv4 or IPv6 address, or a network of them in CIDR notation (10.0.0.0/8, fd00::/8). */
function isAddressOrNetwork(entry: string): boolean {
  const [address = '', prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128));
}

const addressList = z
  .string()
  .superRefine((text, context) => {
    for (const entry of text.split(',').map((part) => part.trim()))
      if (!isAddressOrNetwork(entry))
        context.addIssue({
          code: 'custom',
          message: `"${entry}" is not an IP address or a network such as 10.0.0.0/8 (give a comma-separated list)`,
        });
  })
  .transform((text) => text.split(',').map((part) => part.trim()));

const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  INTERDICT_ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Readable lines for a terminal, or one JSON object a line for a log collector. */
  LOG_FORMAT: z.enum(['pretty', 'json']).default('pretty'),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(12),
  LOGIN_ATTEMPTS_PER_MINUTE: z.coerce.number().int().positive().default(10),
  MAX_MESSAGE_MB: z.coerce.number().positive().max(1024).default(50),
  /** Files in one multipart upload of messages. */
  UPLOAD_MAX_FILES: z.coerce.number().int().min(1).max(1000).default(50),
  /** All files of one multipart upload together: the server holds them until each is stored. */
  UPLOAD_MAX_TOTAL_MB: z.coerce.number().positive().max(4096).default(100),
  COOKIE_SECURE: booleanFromString.default(false),
  /**
   * Reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed (addresses or CIDR
   * networks). Empty: none, so that a client cannot choose the address its sign-ins are counted under.
   */
  TRUST_PROXY: addressList.default([]),
  /** PNR data is depersonalised this many months after the reservation's last flight (EU PNR directive: 6). */
  PNR_MASK_AFTER_MONTHS: z.coerce.number().int().min(1).max(120).default(6),
  /** ... and deleted this many years after it (EU PNR directive: 5), unless held. */
  PNR_DELETE_AFTER_YEARS: z.coerce.number().int().min(1).max(30).default(5),
  /**
   * Take in reservations already past these periods as they come (training installations that load
   * old sample data). Off: one past deletion is refused on arrival, one past masking is stored masked.
   */
  PNR_ACCEPT_EXPIRED: booleanFromString.default(false),
  /** Jurisdiction of this installation: the first admin's unit and the default scope of received data. */
  INSTALLATION_JURISDICTION: z.enum(['BA', 'ME', 'MK', 'RS', 'XK', 'AL', 'HR']).default('BA'),
  /** Screening workers inside the server process (0: only separate `interdict worker` processes screen). */
  SCREENING_WORKERS: z.coerce.number().int().min(0).max(16).default(1),
  /** A worker holds a job this long and renews it every third of it; a stopped worker's job is taken over after it. */
  JOB_LEASE_SECONDS: z.coerce.number().int().min(3).max(3600).default(30),
  /** Attempts at a job (failures and lapsed leases) before it is dead, shown on the admin page for a retry. */
  JOB_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(5),
  /** New messages wait while the oldest waiting screening job is older than this (0: never wait). */
  SCREENING_BACKLOG_SECONDS: z.coerce.number().min(0).max(3600).default(0.1),
  /** ... but never longer than this: past it a message is taken all the same. */
  SCREENING_ADMISSION_MAX_WAIT_SECONDS: z.coerce.number().min(0).max(600).default(10),
  /** Key signing the audit chain (32 characters or more), kept outside the database; or AUDIT_KEY_FILE. */
  AUDIT_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  AUDIT_KEY_FILE: z.string().min(1).optional(),
  /** Where checkpoints of the audit log's head are appended (default: audit-checkpoints.jsonl in DATA_DIR). */
  AUDIT_CHECKPOINT_FILE: z.string().min(1).optional(),
});

export type Config = z.output<typeof configSchema>;
export type ConfigInput = Partial<Record<keyof z.input<typeof configSchema>, string | number | boolean>>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads the configuration once from the environment, with explicit overrides (command-line flags) on top.
 * A bad value stops start-up with a message naming the key.
 */
export function loadConfig(overrides: ConfigInput = {}, env: NodeJS.ProcessEnv = process.env): Config {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(configSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  for (const [key, value] of Object.entries(overrides)) {
    if (value !== undefined) raw[key] = typeof value === 'string' ? value : String(value);
  }
  const result = configSchema.safeParse(raw);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => {
        const key = issue.path.join('.');
        const given = raw[key];
        const shown =
          key.includes('PASSWORD') || key.includes('URL') || key === 'AUDIT_KEY'
            ? '(hidden)'
            : JSON.stringify(given);
        return `${key}=${shown}: ${issue.message}`;
      }),
    );
  }
  return Object.freeze(result.data);
}
