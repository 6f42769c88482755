import { beforeAll, describe, expect, it } from 'vitest'
import { CLOSE_CODES } from '../../shared/connection/closeCodes.ts'
import { REFUSAL_CODES, paramKinds, refusal, refusalText } from '../../shared/permissions/refusal.ts'
import { de } from './de.ts'
import { en } from './en.ts'
import { closeMessage, reasonMessage, refusalMessage } from './refusalMessage.ts'
import { loadCatalogue, translate, type MessageKey, type Translate } from './translate.ts'

const german: Translate = (key, params) => translate('de', key, params)
const english: Translate = (key, params) => translate('en', key, params)

describe('refusal messages', () => {
  beforeAll(() => loadCatalogue('en'))

  it('has a German and an English message for every refusal code, using only its parameters', () => {
    for (const code of REFUSAL_CODES) {
      const key = `refusal.${code}` as MessageKey
      for (const catalogue of [de, en] as Record<string, string>[]) {
        const message = catalogue[key]
        expect(message, `${key} is missing`).toBeTruthy()
        const placeholders = [...message!.matchAll(/\{(\w+)\}/g)].map((match) => match[1])
        for (const name of placeholders) expect(Object.keys(paramKinds(code)), `${key} uses {${name}}`).toContain(name)
      }
    }
  })

  it('names phases by their labels and fills in numbers', () => {
    expect(refusalMessage(german, refusal('noNewNotesInPhase', { phase: 'vote' }))).toBe('In der Phase „Punkten“ werden keine neuen Karten geschrieben')
    expect(refusalMessage(english, refusal('noEditInPhase', { phase: 'closed' }))).toBe('Notes cannot be edited in the “Closed” phase')
    expect(refusalMessage(german, refusal('dotBudget', { dots: 3 }))).toContain('(je Person 3)')
    expect(refusalMessage(german, refusal('boardLocked'))).toBe('Diese Leitfrage ist gesperrt')
  })

  it('translates refusal texts from the server and leaves other texts as they are', () => {
    const locked = refusalText(refusal('boardLocked'))
    expect(reasonMessage(german, locked)).toBe('Diese Leitfrage ist gesperrt')
    expect(reasonMessage(german, `update refused: ${refusalText(refusal('noMoveInPhase', { phase: 'vote' }))}`)).toBe(
      'In der Phase „Punkten“ können Karten nicht verschoben werden',
    )
    expect(reasonMessage(german, 'update refused: too many new notes: at most 5 per minute, please wait a moment')).toBe(
      'Zu viele neue Karten: höchstens 5 pro Minute, bitte kurz warten',
    )
    expect(reasonMessage(english, 'update refused: the document is on fire')).toBe('update refused: the document is on fire')
    expect(reasonMessage(german, 'unknown session')).toBe('unknown session')
  })
})

describe('close messages', () => {
  beforeAll(() => loadCatalogue('en'))

  it('explains the permanent close codes by what they mean for the person, in their language', () => {
    // The server's reasons are English and name its side of it; the person gets theirs.
    expect(closeMessage(german, CLOSE_CODES.unknownSession, 'session deleted by the moderation')).toBe('Dieser Workshop wurde gelöscht.')
    expect(closeMessage(english, CLOSE_CODES.unknownSession, 'session deleted after 30 days without activity')).toBe('This workshop was deleted.')
    expect(closeMessage(german, CLOSE_CODES.wrongToken, 'unknown participant, please join again')).toContain('Einladungslink erneut')
    expect(closeMessage(german, CLOSE_CODES.malformedSessionId, 'malformed session id')).toBe('Dieser Link ist fehlerhaft.')
  })

  it('translates any other reason when it is a refusal text, and never shows an empty reason', () => {
    expect(closeMessage(german, CLOSE_CODES.updateRefused, `update refused: ${refusalText(refusal('boardLocked'))}`)).toBe('Diese Leitfrage ist gesperrt')
    expect(closeMessage(german, CLOSE_CODES.serverError, '')).toBe('—')
  })
})
