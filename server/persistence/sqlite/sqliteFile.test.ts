import { mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { openSqliteFile, sqliteAddonFoundByBindings, sqliteAddonPath } from './sqliteFile.ts'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function tempFile(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'pinnwand-sqlite-'))
  dirs.push(dir)
  return join(dir, name)
}

describe('openSqliteFile', () => {
  it('finds the addon where npm install built it, so better-sqlite3 need not search for it', () => {
    // Without the path better-sqlite3 still works (it searches), only slower: this test is what notices.
    expect(sqliteAddonPath()).toMatch(/build[/\\]Release[/\\]better_sqlite3\.node$/)
  })

  it('opens a database with the options given', () => {
    const file = tempFile('x.sqlite')
    const db = openSqliteFile(file)
    db.exec('CREATE TABLE t (v INTEGER); INSERT INTO t VALUES (42)')
    db.close()
    const readonly = openSqliteFile(file, { readonly: true, fileMustExist: true })
    expect(readonly.prepare('SELECT v FROM t').pluck().get()).toBe(42)
    expect(() => readonly.exec('INSERT INTO t VALUES (1)')).toThrow(/readonly/)
    readonly.close()
    expect(() => openSqliteFile(tempFile('missing.sqlite'), { fileMustExist: true })).toThrow()
  })

  it('falls back to the addon as better-sqlite3 finds it from its own folder', () => {
    const packageDir = dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json'))
    const found = sqliteAddonFoundByBindings(packageDir)
    expect(basename(found)).toBe('better_sqlite3.node')
    const db = new Database(tempFile('y.sqlite'), { nativeBinding: found })
    expect(db.prepare('SELECT 1 + 1').pluck().get()).toBe(2)
    db.close()
  })
})
