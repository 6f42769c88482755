import { resolve } from 'node:path'
import * as z from 'zod'
import { DEFAULT_MAX_MESSAGE_BYTES, DEFAULT_MAX_SYNC_MESSAGE_BYTES } from '../shared/connection/messageSize.ts'

/** Server configuration, read once from the environment (see README "Configuration"). */
export interface ServerConfig {
  port: number
  host: string
  dataDir: string
  tldrawLicenseKey: string | null
  /** How long a session stays loaded after its last connection closed. */
  unloadGraceMs: number
  /** Base of the links the server prints and returns; default: the request's own origin. */
  publicUrl: string | null
  /** Largest websocket message accepted (larger closes the sender with 1009). */
  maxMessageBytes: number
  /**
   * Largest sync answer (sync step 2) accepted in reply to the server's sync request: a device's
   * whole offline backlog arrives in it. At least `maxMessageBytes`.
   */
  maxSyncMessageBytes: number
  /** Compaction thresholds of the update log. */
  compactAfterUpdates: number
  compactAfterBytes: number
  /** Where the built client lives. */
  clientDir: string
  /** Limits (0 = unlimited where noted); each refusal names its limit. */
  limits: ServerLimits
  /** Sessions without activity for this many days are deleted (0 = keep forever). */
  retentionDays: number
  /** How often the retention check runs (it also runs at start). */
  retentionCheckMs: number
  /** Trust X-Forwarded-For / X-Forwarded-Proto from a reverse proxy (client address for per-IP limits). */
  trustProxy: boolean
  /** Origins besides the server's own (and PUBLIC_URL's) that may open websockets and POST. */
  allowedOrigins: string[]
  /**
   * TESTING AND BENCHMARKS ONLY: every client update is applied without the permission gate
   * (and without the per-participant note limit and document size check).
   */
  gateDisabled: boolean
}

export interface ServerLimits {
  /** Largest stored document per session; updates that would grow it beyond are refused. */
  maxDocumentBytes: number
  /** New notes one participant may post per minute (0 = unlimited). */
  notesPerMinute: number
  /** Open websockets per client address (0 = unlimited). */
  maxConnectionsPerIp: number
  /** Sessions the server keeps (0 = unlimited). */
  maxSessions: number
  /** Largest template (request body of POST /api/sessions). */
  maxTemplateBytes: number
}

const integer = (fallback: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback)

const flag = (fallback: boolean) =>
  z
    .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'], { error: 'must be 1 or 0' })
    .default(fallback ? '1' : '0')
    .transform((value) => ['1', 'true', 'yes', 'on'].includes(value))

/** A comma-separated list of origins (`https://host[:port]`), normalised by URL. */
function parseOrigins(list: string): string[] {
  return list
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry) => {
      let url: URL | undefined
      try {
        url = new URL(entry)
      } catch {
        url = undefined
      }
      if (!url || !/^https?:$/.test(url.protocol))
        throw new Error(`Invalid environment variable ALLOWED_ORIGINS: "${entry}" is not an http(s) origin`)
      return url.origin
    })
}

const envSchema = z.object({
  PORT: integer(3000, 0, 65_535),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  TLDRAW_LICENSE_KEY: z.string().optional(),
  UNLOAD_GRACE_MS: integer(30_000, 0, 24 * 3_600_000),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  MAX_MESSAGE_BYTES: integer(DEFAULT_MAX_MESSAGE_BYTES, 1024, 64 * 1024 * 1024),
  // No default here: unset, it follows MAX_MESSAGE_BYTES when that is set higher (see loadConfig).
  MAX_SYNC_MESSAGE_BYTES: z.coerce.number().int().min(1024).max(1024 * 1024 * 1024).optional(),
  COMPACT_AFTER_UPDATES: integer(500, 1, 1_000_000),
  COMPACT_AFTER_BYTES: integer(8 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
  CLIENT_DIR: z.string().min(1).default('dist/client'),
  MAX_DOCUMENT_BYTES: integer(32 * 1024 * 1024, 64 * 1024, 1024 * 1024 * 1024),
  NOTES_PER_MINUTE: integer(60, 0, 1_000_000),
  MAX_CONNECTIONS_PER_IP: integer(1_000, 0, 1_000_000),
  MAX_SESSIONS: integer(10_000, 0, 100_000_000),
  MAX_TEMPLATE_BYTES: integer(64 * 1024, 1024, 16 * 1024 * 1024),
  RETENTION_DAYS: integer(90, 0, 100 * 365),
  RETENTION_CHECK_MS: integer(3_600_000, 100, 7 * 24 * 3_600_000),
  TRUST_PROXY: flag(false),
  ALLOWED_ORIGINS: z.string().default(''),
  PINNWAND_DISABLE_GATE: flag(false),
})

/** Reads the configuration; an invalid variable stops the server with a message naming it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  // Empty variables count as unset (a common result of `FOO= npm start`).
  const defined = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''))
  const result = envSchema.safeParse(defined)
  if (!result.success) {
    const issue = result.error.issues[0]!
    throw new Error(`Invalid environment variable ${issue.path.join('.')}: ${issue.message}`)
  }
  const vars = result.data
  if (vars.MAX_SYNC_MESSAGE_BYTES !== undefined && vars.MAX_SYNC_MESSAGE_BYTES < vars.MAX_MESSAGE_BYTES)
    throw new Error('Invalid environment variable MAX_SYNC_MESSAGE_BYTES: must be at least MAX_MESSAGE_BYTES')
  return {
    port: vars.PORT,
    host: vars.HOST,
    dataDir: resolve(vars.DATA_DIR),
    tldrawLicenseKey: vars.TLDRAW_LICENSE_KEY ?? null,
    unloadGraceMs: vars.UNLOAD_GRACE_MS,
    publicUrl: vars.PUBLIC_URL?.replace(/\/+$/, '') ?? null,
    maxMessageBytes: vars.MAX_MESSAGE_BYTES,
    maxSyncMessageBytes: vars.MAX_SYNC_MESSAGE_BYTES ?? Math.max(DEFAULT_MAX_SYNC_MESSAGE_BYTES, vars.MAX_MESSAGE_BYTES),
    compactAfterUpdates: vars.COMPACT_AFTER_UPDATES,
    compactAfterBytes: vars.COMPACT_AFTER_BYTES,
    clientDir: resolve(vars.CLIENT_DIR),
    limits: {
      maxDocumentBytes: vars.MAX_DOCUMENT_BYTES,
      notesPerMinute: vars.NOTES_PER_MINUTE,
      maxConnectionsPerIp: vars.MAX_CONNECTIONS_PER_IP,
      maxSessions: vars.MAX_SESSIONS,
      maxTemplateBytes: vars.MAX_TEMPLATE_BYTES,
    },
    retentionDays: vars.RETENTION_DAYS,
    retentionCheckMs: vars.RETENTION_CHECK_MS,
    trustProxy: vars.TRUST_PROXY,
    allowedOrigins: parseOrigins(vars.ALLOWED_ORIGINS),
    gateDisabled: vars.PINNWAND_DISABLE_GATE,
  }
}
