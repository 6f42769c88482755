import { resolve } from 'node:path'
import { z } from 'zod'

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
  /** Compaction thresholds of the update log. */
  compactAfterUpdates: number
  compactAfterBytes: number
  /** Where the built client lives. */
  clientDir: string
}

const integer = (fallback: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback)

const envSchema = z.object({
  PORT: integer(3000, 0, 65_535),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  TLDRAW_LICENSE_KEY: z.string().optional(),
  UNLOAD_GRACE_MS: integer(30_000, 0, 24 * 3_600_000),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  MAX_MESSAGE_BYTES: integer(1024 * 1024, 1024, 64 * 1024 * 1024),
  COMPACT_AFTER_UPDATES: integer(500, 1, 1_000_000),
  COMPACT_AFTER_BYTES: integer(8 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
  CLIENT_DIR: z.string().min(1).default('dist/client'),
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
  return {
    port: vars.PORT,
    host: vars.HOST,
    dataDir: resolve(vars.DATA_DIR),
    tldrawLicenseKey: vars.TLDRAW_LICENSE_KEY ?? null,
    unloadGraceMs: vars.UNLOAD_GRACE_MS,
    publicUrl: vars.PUBLIC_URL?.replace(/\/+$/, '') ?? null,
    maxMessageBytes: vars.MAX_MESSAGE_BYTES,
    compactAfterUpdates: vars.COMPACT_AFTER_UPDATES,
    compactAfterBytes: vars.COMPACT_AFTER_BYTES,
    clientDir: resolve(vars.CLIENT_DIR),
  }
}
