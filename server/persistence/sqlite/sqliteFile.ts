import Database from 'better-sqlite3'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

let addonPath: string | null | undefined

/**
 * better-sqlite3's compiled addon, where `npm install` builds it. Handing its path to
 * better-sqlite3 skips the `bindings` package, which probes a dozen candidate paths on every
 * first open (≈ 5 ms of a server start). `undefined` (let better-sqlite3 search) when the addon
 * lies elsewhere.
 */
export function sqliteAddonPath(): string | undefined {
  if (addonPath === undefined) {
    const packageDir = dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json'))
    const built = join(packageDir, 'build', 'Release', 'better_sqlite3.node')
    addonPath = existsSync(built) ? built : null
  }
  return addonPath ?? undefined
}

/** Opens an SQLite file with better-sqlite3; every database Pinnwand opens goes through here. */
export function openSqliteFile(path: string, options: Database.Options = {}): Database.Database {
  return new Database(path, { nativeBinding: sqliteAddonPath(), ...options })
}
