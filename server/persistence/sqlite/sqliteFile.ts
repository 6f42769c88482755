import Database from 'better-sqlite3'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

let addonPath: string | undefined

/**
 * The path of better-sqlite3's compiled addon, for its `nativeBinding` option: where `npm install`
 * builds it, which skips the `bindings` package's probing of a dozen candidate paths on the
 * first open (≈ 5 ms of a server start). Elsewhere (another build layout) `bindings` finds it,
 * searching from better-sqlite3's own folder: the server bundle contains better-sqlite3's
 * JavaScript, so the search must not start from the bundle.
 */
export function sqliteAddonPath(): string {
  if (addonPath === undefined) {
    const packageDir = dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json'))
    const built = join(packageDir, 'build', 'Release', 'better_sqlite3.node')
    addonPath = existsSync(built) ? built : sqliteAddonFoundByBindings(packageDir)
  }
  return addonPath
}

/** The addon's path as better-sqlite3 itself would find it, searching from its package folder. */
export function sqliteAddonFoundByBindings(packageDir: string): string {
  const bindings = createRequire(join(packageDir, 'package.json'))('bindings') as (options: { bindings: string; module_root: string; path: true }) => string
  return bindings({ bindings: 'better_sqlite3.node', module_root: packageDir, path: true })
}

/** Opens an SQLite file with better-sqlite3; every database Pinnwand opens goes through here. */
export function openSqliteFile(path: string, options: Database.Options = {}): Database.Database {
  return new Database(path, { nativeBinding: sqliteAddonPath(), ...options })
}
