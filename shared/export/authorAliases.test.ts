import { describe, expect, it } from 'vitest'
import { exportedAuthorNames } from './authorAliases.ts'
import { buildExport } from './exportModel.ts'
import { buildExportFixture, FIXTURE_EXPORTED_AT, FIXTURE_NOTE_IDS, FIXTURE_SESSION_ID } from './testing/exportFixture.ts'

function anonymised(includeEmpty: boolean) {
  return buildExport(buildExportFixture(), { sessionId: FIXTURE_SESSION_ID, exportedAt: FIXTURE_EXPORTED_AT, anonymise: true, includeEmpty })
}

describe('exportedAuthorNames', () => {
  it('names every exported note’s author as the files do, by note id', () => {
    const names = exportedAuthorNames(anonymised(true))
    expect(names.get(FIXTURE_NOTE_IDS.zitat)).toBe('Teilnehmer:in 1') // first in reading order
    expect(names.get(FIXTURE_NOTE_IDS.buergerhaushalt)).toBe('Teilnehmer:in 2')
    expect(names.get(FIXTURE_NOTE_IDS.leerzeichen)).toBe('Teilnehmer:in 4')
    expect(names.get(FIXTURE_NOTE_IDS.parkplatz)).toBe('Teilnehmer:in 4')
    expect(names.size).toBe(Object.keys(FIXTURE_NOTE_IDS).length)
  })

  it('has no name for a note the export leaves out', () => {
    const names = exportedAuthorNames(anonymised(false))
    expect(names.has(FIXTURE_NOTE_IDS.leer)).toBe(false)
    expect(names.get(FIXTURE_NOTE_IDS.buergerhaushalt)).toBe('Teilnehmer:in 2')
  })
})
