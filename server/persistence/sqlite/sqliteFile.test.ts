import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openSqliteFile, sqliteAddonPath } from './sqliteFile.ts'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

describe('openSqliteFile', () => {
  it('finds the addon npm install built, so better-sqlite3 need not search for it', () => {
    // Without a path better-sqlite3 still works (it searches), only slower: this test is what notices.
    expect(basename(sqliteAddonPath() ?? '')).toBe('better_sqlite3.node')
  })

  it('opens a database with the options given', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pinnwand-sqlite-'))
    dirs.push(dir)
    const file = join(dir, 'x.sqlite')
    const db = openSqliteFile(file)
    db.exec('CREATE TABLE t (v INTEGER); INSERT INTO t VALUES (42)')
    db.close()
    const readonly = openSqliteFile(file, { readonly: true, fileMustExist: true })
    expect(readonly.prepare('SELECT v FROM t').pluck().get()).toBe(42)
    expect(() => readonly.exec('INSERT INTO t VALUES (1)')).toThrow(/readonly/)
    readonly.close()
    expect(() => openSqliteFile(join(dir, 'missing.sqlite'), { fileMustExist: true })).toThrow()
  })
})
